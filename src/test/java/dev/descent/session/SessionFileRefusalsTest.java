package dev.descent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Session files that were once misread, or refused in Jackson's words: each refused in plain words, or honoured. */
class SessionFileRefusalsTest {

    @TempDir
    Path dir;

    static final String RUN = "{\"optimizer\": \"sgd\"}";

    static Stream<Arguments> refused() {
        return Stream.of(
                // the last "surface" used to win
                Arguments.of("{\"version\": 1, \"surface\": \"quadratic\",\n \"surface\": \"rosenbrock\"}",
                        "ambiguous JSON at line 2, column 11: the field \"surface\" appears twice"),
                Arguments.of("{\"version\": 1, \"runs\": [{\"optimizer\": \"sgd\", \"seed\": 1, \"seed\": 2}]}", "the field \"seed\" appears twice"),
                // read as 1, while "version": 1.5 is refused
                Arguments.of("{\"version\": 1, \"runs\": [{\"optimizer\": \"sgd\", \"seed\": 1.5}]}", "run 1.seed: Invalid seed: 1.5 (a whole number"),
                Arguments.of("{\"version\": 1, \"runs\": [{\"optimizer\": \"sgd\", \"seed\": 1e30}]}", "run 1.seed: Invalid seed: 1.0E30 (a whole number"),
                Arguments.of("{\"version\": 1.5}", "\"version\" must be a whole number"),
                // Jackson's words: "enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS`"
                Arguments.of("{\"version\": 1, \"speed\": NaN}", "line 1, column 28: NaN is not a number JSON allows; every number must be finite"),
                Arguments.of("{\"version\": 1, \"speed\": Infinity}", "Infinity is not a number JSON allows"),
                Arguments.of("{\"version\": 1, // a comment\n}", "comments are not allowed in JSON"),
                Arguments.of("{\"version\": 1} {}", "more text after the end of the JSON object"),
                Arguments.of("{\"version\": 1, \"surface\": \"quad", "the text ends in the middle of a value"),
                Arguments.of("{version: 1}", "where a field name in double quotes was expected"),
                Arguments.of("hello", "'hello' is not a JSON value"),
                Arguments.of("{\"version\": 1, \"surface\": \"a\tb\"}", "a control character"),
                Arguments.of("{\"version\": 1, \"runs\": {\"optimizer\": \"sgd\"}}", "runs: expected a list"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource
    void refused(String json, String message) throws IOException {
        Path f = Files.writeString(dir.resolve("s.json"), json);
        String m = assertThrows(SessionFiles.SessionFileException.class, () -> SessionFiles.read(f)).getMessage();
        assertTrue(m.startsWith("s.json: "), m);
        assertTrue(m.contains(message), m);
        for (String jargon : List.of("`", "Feature", "Exception", "Source:", "code ", "com.fasterxml", "java.")) {
            assertFalse(m.contains(jargon), "plain words: " + m);
        }
    }

    @Test
    void aByteOrderMarkIsAccepted() throws IOException {
        byte[] body = ("{\"version\": 1, \"surface\": \"quadratic\", \"runs\": [" + RUN + "]}").getBytes(StandardCharsets.UTF_8);
        Path f = dir.resolve("bom.json");
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            out.write(body);
        }
        SessionConfig s = SessionFiles.read(f);
        assertEquals("quadratic", s.surface());
        assertEquals(1, s.runs().size());
    }

    @Test
    void aWholeSeedWrittenAsADecimalIsAccepted() {
        SessionConfig s = SessionFiles.parse("{\"version\": 1, \"surface\": \"quadratic\", \"runs\": [{\"optimizer\": \"sgd\", \"noise\": \"additive\", "
                + "\"seed\": 7.0}]}");
        assertEquals(7, s.runs().get(0).seed());
    }

    @Test
    void aHugeFileIsRefusedBeforeItIsRead() throws IOException {
        Path f = dir.resolve("huge.json");
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write("{\"version\": 1, \"title\": \"".getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1 << 16];
            java.util.Arrays.fill(block, (byte) 'a');
            for (int i = 0; i < 800; i++) { // 50 MB
                out.write(block);
            }
            out.write("\"}".getBytes(StandardCharsets.UTF_8));
        }
        String m = assertThrows(SessionFiles.SessionFileException.class, () -> SessionFiles.read(f)).getMessage();
        assertTrue(m.contains("is 50.0 MB; a session file is at most 1 MB"), m);
    }

    @Test
    void binaryMissingAndFolderAreNamed() throws IOException {
        Path bin = Files.write(dir.resolve("bin.json"), new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, 0x00});
        assertTrue(assertThrows(SessionFiles.SessionFileException.class, () -> SessionFiles.read(bin)).getMessage()
                .endsWith("bin.json is not a text file (not UTF-8)"));
        Path folder = Files.createDirectory(dir.resolve("folder.json"));
        assertTrue(assertThrows(SessionFiles.SessionFileException.class, () -> SessionFiles.read(folder)).getMessage()
                .endsWith("folder.json is a folder, not a session file"));
    }

    @Test
    void theRememberedSessionIsRefusedInPlainWordsToo() {
        // it used to say "... at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, ...]"
        for (String json : List.of("{\"surface\": NaN}", "{\"runs\": 3}", "{\"surface\": \"quadratic\"")) {
            IOException e = assertThrows(IOException.class,
                    () -> Sessions.read(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
            for (String jargon : List.of("`", "Feature", "Source:", "com.fasterxml")) {
                assertFalse(e.getMessage().contains(jargon), "plain words: " + e.getMessage());
            }
        }
    }
}
