package dev.descent.export;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swscale.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.PointerPointer;

/**
 * H.264 MP4 through FFmpeg's libraries (JavaCPP's presets; the jar carries the linux-x86_64 build,
 * whose H.264 encoder is OpenH264). Only libavcodec, libavformat, libavutil and libswscale are
 * loaded (not libavdevice, which needs PulseAudio). Frames go in as BGR0 bytes — a
 * {@code TYPE_INT_RGB} pixel in little-endian order — and swscale turns them into YUV 4:2:0, which
 * every player reads. No B-frames, so every H.264 decoder (jcodec's too) reads the file. The
 * session travels in the {@code comment} tag ({@code moov/udta/meta/ilst/©cmt}).
 */
final class FfmpegEncoder implements VideoEncoder {

    private static volatile Boolean available;

    private final int width;
    private final int height;
    private AVFormatContext oc;
    private AVCodecContext c;
    private AVStream st;
    private AVFrame frame;
    private AVPacket pkt;
    private SwsContext sws;
    private final ByteBuffer bytes;
    private final IntBuffer ints;
    private final BytePointer src;
    private final PointerPointer<?> srcData;
    private final IntPointer srcStride;
    private long pts;
    private boolean headerWritten;

    FfmpegEncoder(Path file, int width, int height, double fps, String comment) throws IOException {
        this(file, width, height, fps, comment, false);
    }

    /** VP9 in WebM (libvpx, real-time speed); the session in the {@code COMMENT} tag. */
    static FfmpegEncoder webm(Path file, int width, int height, double fps, String comment) throws IOException {
        return new FfmpegEncoder(file, width, height, fps, comment, true);
    }

    private FfmpegEncoder(Path file, int width, int height, double fps, String comment, boolean webm) throws IOException {
        if (!available()) {
            throw new IOException("FFmpeg's libraries do not load on this machine");
        }
        this.width = width;
        this.height = height;
        bytes = ByteBuffer.allocateDirect(width * height * 4).order(ByteOrder.LITTLE_ENDIAN);
        ints = bytes.asIntBuffer();
        src = new BytePointer(bytes);
        srcData = new PointerPointer<BytePointer>(4).put(0, src);
        srcStride = new IntPointer(width * 4, 0, 0, 0);
        boolean ok = false;
        try {
            open(file.toAbsolutePath().toString(), fps, comment, webm);
            ok = true;
        } finally {
            if (!ok) {
                close();
            }
        }
    }

    private void open(String path, double fps, String comment, boolean webm) throws IOException {
        oc = new AVFormatContext(null);
        check(avformat_alloc_output_context2(oc, null, webm ? "webm" : "mp4", path), "set up the container");
        AVCodec codec = webm ? avcodec_find_encoder_by_name("libvpx-vp9") : avcodec_find_encoder(AV_CODEC_ID_H264);
        if (codec == null || codec.isNull()) {
            throw new IOException("FFmpeg has no " + (webm ? "VP9" : "H.264") + " encoder here");
        }
        st = avformat_new_stream(oc, null);
        c = avcodec_alloc_context3(codec);
        AVRational tb = fps == Math.rint(fps) ? av_make_q(1, (int) fps) : av_make_q(1000, (int) Math.round(fps * 1000));
        c.codec_id(webm ? AV_CODEC_ID_VP9 : AV_CODEC_ID_H264);
        c.width(width);
        c.height(height);
        c.pix_fmt(AV_PIX_FMT_YUV420P);
        c.time_base(tb);
        c.framerate(av_inv_q(tb));
        // diagrams are flat colour and thin lines: ~0.06 bits per pixel and frame keep them sharp
        c.bit_rate((long) Math.min(40e6, Math.max(400e3, width * (double) height * fps * 0.06)));
        c.gop_size((int) Math.max(1, Math.round(fps * 2)));
        c.max_b_frames(0);
        c.thread_count(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
        if ((oc.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
            c.flags(c.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        AVDictionary opts = new AVDictionary(null);
        if (webm) {
            // libvpx's real-time mode: a slide clip in seconds, not minutes
            av_dict_set(opts, "deadline", "realtime", 0);
            av_dict_set(opts, "cpu-used", "8", 0);
            av_dict_set(opts, "row-mt", "1", 0);
        }
        int opened = avcodec_open2(c, codec, opts);
        av_dict_free(opts);
        check(opened, "open the video encoder");
        check(avcodec_parameters_from_context(st.codecpar(), c), "describe the video stream");
        st.time_base(c.time_base());
        if (comment != null) {
            AVDictionary md = new AVDictionary(null);
            av_dict_set(md, "comment", comment, 0);
            oc.metadata(md);
        }
        AVIOContext pb = new AVIOContext(null);
        check(avio_open(pb, path, AVIO_FLAG_WRITE), "open " + path + " for writing");
        oc.pb(pb);
        check(avformat_write_header(oc, (AVDictionary) null), "write the MP4 header");
        headerWritten = true;
        frame = av_frame_alloc();
        frame.format(AV_PIX_FMT_YUV420P);
        frame.width(width);
        frame.height(height);
        check(av_frame_get_buffer(frame, 0), "allocate a frame");
        pkt = av_packet_alloc();
        sws = sws_getContext(width, height, AV_PIX_FMT_BGR0, width, height, AV_PIX_FMT_YUV420P, SWS_POINT,
                null, null, (DoublePointer) null);
        if (sws == null || sws.isNull()) {
            throw new IOException("FFmpeg cannot convert RGB to YUV here");
        }
    }

    /** True when FFmpeg's codec, container and scaling libraries load on this machine (tried once). */
    static boolean available() {
        Boolean a = available;
        if (a == null) {
            try {
                Loader.load(org.bytedeco.ffmpeg.global.avutil.class);
                Loader.load(org.bytedeco.ffmpeg.global.swscale.class);
                Loader.load(org.bytedeco.ffmpeg.global.avcodec.class);
                Loader.load(org.bytedeco.ffmpeg.global.avformat.class);
                av_log_set_level(AV_LOG_ERROR);
                AVCodec h264 = avcodec_find_encoder(AV_CODEC_ID_H264);
                a = h264 != null && !h264.isNull();
            } catch (Throwable t) {
                a = false;
            }
            available = a;
        }
        return a;
    }

    private static void check(int code, String what) throws IOException {
        if (code < 0) {
            BytePointer msg = new BytePointer(256);
            av_strerror(code, msg, 256);
            throw new IOException("FFmpeg could not " + what + ": " + msg.getString() + " (" + code + ")");
        }
    }

    @Override
    public Kind kind() {
        return Kind.FFMPEG;
    }

    @Override
    public void encode(int[] rgb) throws IOException {
        ints.clear();
        ints.put(rgb);
        check(av_frame_make_writable(frame), "reuse a frame");
        sws_scale(sws, srcData, srcStride, 0, height, frame.data(), frame.linesize());
        frame.pts(pts++);
        check(avcodec_send_frame(c, frame), "encode a frame");
        drain();
    }

    private void drain() throws IOException {
        while (true) {
            int r = avcodec_receive_packet(c, pkt);
            if (r == AVERROR_EAGAIN() || r == AVERROR_EOF) {
                return;
            }
            check(r, "encode a frame");
            pkt.duration(1); // one frame, so the last frame lasts as long as the others
            av_packet_rescale_ts(pkt, c.time_base(), st.time_base());
            pkt.stream_index(st.index());
            check(av_interleaved_write_frame(oc, pkt), "write a frame");
        }
    }

    @Override
    public void finish() throws IOException {
        check(avcodec_send_frame(c, null), "flush the encoder");
        drain();
        check(av_write_trailer(oc), "finish the MP4");
    }

    @Override
    public void close() {
        if (sws != null) {
            sws_freeContext(sws);
            sws = null;
        }
        if (frame != null) {
            av_frame_free(frame);
            frame = null;
        }
        if (pkt != null) {
            av_packet_free(pkt);
            pkt = null;
        }
        if (c != null) {
            avcodec_free_context(c);
            c = null;
        }
        if (oc != null) {
            if (oc.pb() != null && !oc.pb().isNull()) {
                avio_closep(oc.pb());
            }
            avformat_free_context(oc);
            oc = null;
        }
        src.close();
        srcData.close();
        srcStride.close();
    }
}
