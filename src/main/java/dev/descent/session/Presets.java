package dev.descent.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The classic lessons, as session JSON files on the classpath under {@code presets/} (from
 * {@code assets/presets/} in the source tree). Listed in file-name order; the id is the file name
 * without its leading number and extension ({@code 01-rosenbrock-race.json} → {@code rosenbrock-race}).
 * Presets are session files and pass the same strict validation ({@link SessionFiles}).
 */
public final class Presets {

    public static final String DIR = "presets";

    /** A preset: its id, its resource path and its session. */
    public record Preset(String id, String resource, SessionConfig session) {
        public String title() {
            return session.title() == null ? id : session.title();
        }
    }

    private Presets() {
    }

    /** Read and checked once per run of the program: presets ship with it and never change. */
    private static volatile List<Preset> all;

    /**
     * Every preset, in order, read and strictly validated the first time it is asked for and kept
     * (the window asks on its launcher thread, before the JavaFX thread builds the menus). A preset
     * that cannot be read is an error: they ship with the program.
     */
    public static List<Preset> all() {
        List<Preset> a = all;
        if (a == null) {
            synchronized (Presets.class) {
                a = all;
                if (a == null) {
                    List<Preset> out = new ArrayList<>();
                    for (String name : fileNames()) {
                        out.add(read(name));
                    }
                    all = a = List.copyOf(out);
                }
            }
        }
        return a;
    }

    /** Whether {@link #all()} has read the presets already (it then returns at once). */
    public static boolean isRead() {
        return all != null;
    }

    /** @throws IllegalArgumentException when there is no preset with that id */
    public static Preset load(String id) {
        if (all == null) { // one preset wanted (the CLI, the first start): read only that one
            for (String name : fileNames()) {
                if (idOf(name).equals(id)) {
                    return read(name);
                }
            }
        } else {
            for (Preset p : all) {
                if (p.id().equals(id)) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException("No preset named " + id);
    }

    static String idOf(String fileName) {
        return fileName.replaceFirst("\\.json$", "").replaceFirst("^\\d+[-_]", "");
    }

    private static Preset read(String name) {
        String res = DIR + "/" + name;
        try (InputStream in = Presets.class.getClassLoader().getResourceAsStream(res)) {
            if (in == null) {
                throw new IllegalStateException("missing preset resource " + res);
            }
            return new Preset(idOf(name), res, SessionFiles.read(in));
        } catch (SessionFiles.SessionFileException e) {
            throw new IllegalStateException("preset " + res + " cannot be opened: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read preset " + res + ": " + e.getMessage(), e);
        }
    }

    /** The preset files' names, sorted, from a directory or a jar. */
    static List<String> fileNames() {
        URL url = Presets.class.getClassLoader().getResource(DIR);
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                // the jar's own entries: the JDK shares the class loader's open jar, where a zip file
                // system would read the fat jar's ten thousand entries again
                java.net.JarURLConnection c = (java.net.JarURLConnection) url.openConnection();
                c.setUseCaches(false); // a JarFile of our own, closed here
                try (java.util.jar.JarFile jar = c.getJarFile()) {
                    String prefix = DIR + "/";
                    return jar.stream().map(java.util.zip.ZipEntry::getName)
                            .filter(n -> n.startsWith(prefix) && n.indexOf('/', prefix.length()) < 0 && n.endsWith(".json"))
                            .map(n -> n.substring(prefix.length())).sorted().toList();
                }
            }
            return list(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot list the presets: " + e.getMessage(), e);
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
    }
}
