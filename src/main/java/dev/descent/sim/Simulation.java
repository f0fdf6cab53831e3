package dev.descent.sim;

import dev.descent.math.Surface;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The simulation thread: the one writer of every run. The UI sends {@link Command}s through a queue
 * and takes the newest {@link Frame} whenever it likes; neither side ever waits on the other.
 *
 * <p>Playback speed only decides how many steps are taken per tick, never what the steps are.
 */
public final class Simulation implements AutoCloseable {

    /** Frames are published at most this often while playing. */
    static final long FRAME_NANOS = 1_000_000_000L / 60;
    /** At most this share of a tick is spent stepping, so commands are answered at once even at top speed. */
    static final long MAX_STEP_NANOS = 12_000_000L;

    private final Engine engine;
    private final BlockingQueue<Command> queue = new LinkedBlockingQueue<>();
    private final AtomicReference<Frame> latest = new AtomicReference<>();
    private final Thread thread;
    private final Consumer<String> errors;
    private volatile boolean closed;

    /**
     * @param errors told (on the simulation thread) when a command is refused; the state stays as it was
     */
    public Simulation(Surface surface, Consumer<String> errors) {
        this.engine = new Engine(surface);
        this.errors = errors;
        latest.set(engine.frame());
        thread = new Thread(this::loop, "simulation");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public void submit(Command c) {
        queue.add(c);
    }

    /** The newest frame; never blocks. */
    public Frame latest() {
        return latest.get();
    }

    private void loop() {
        long last = System.nanoTime();
        long lastFrame = 0;
        double owed = 0;
        long published = -1;
        while (!closed) {
            try {
                Command c = queue.poll(engine.isPlaying() ? 2 : 50, TimeUnit.MILLISECONDS);
                while (c != null) {
                    try {
                        engine.apply(c);
                    } catch (RuntimeException e) {
                        errors.accept(e.getMessage());
                    }
                    c = queue.poll();
                }
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            if (engine.isPlaying()) {
                owed += (now - last) * engine.speed() / 1e9;
                long n = (long) owed;
                owed -= n;
                long deadline = now + MAX_STEP_NANOS;
                try {
                    while (n > 0 && System.nanoTime() < deadline) {
                        long chunk = Math.min(n, 64);
                        engine.step(chunk);
                        n -= chunk;
                    }
                } catch (RuntimeException e) {
                    // a bug in one optimizer must not take the simulation thread down with it
                    engine.apply(new Command.Pause());
                    errors.accept("Stopped: " + e.getMessage());
                }
                if (n > 0) {
                    owed = 0; // fell behind: drop the backlog rather than stall the commands
                }
            } else {
                owed = 0;
            }
            last = now;
            if (engine.serial() != published && (now - lastFrame >= FRAME_NANOS || !engine.isPlaying())) {
                latest.set(engine.frame());
                published = engine.serial();
                lastFrame = now;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
