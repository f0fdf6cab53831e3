package dev.descent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of DESIGN.md, read from the sources: which package may use which, no cycle between
 * packages, JavaFX only in {@code app}, no file I/O or JSON in {@code sim}. A reference counts
 * whether it is an import or a fully qualified name in the code; comments do not count.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern REF = Pattern.compile("\\bdev\\.descent((?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");

    /** Each top-level layer and the layers it may use (besides itself and its own subpackages). */
    private static final Map<String, Set<String>> MAY_USE = Map.of(
            "math", Set.of(),
            "optim", Set.of("math"),
            "sim", Set.of("optim", "math"),
            "session", Set.of("sim", "optim", "math"),
            // render draws what optimizers declare (the roles of their vectors), so it reads optim's value types
            "render", Set.of("sim", "optim", "math"),
            "export", Set.of("render", "session", "sim", "optim", "math"),
            "app", Set.of("export", "render", "session", "sim", "optim", "math"),
            "cli", Set.of("export", "render", "session", "sim", "optim", "math"));

    /** Source file (relative) → its code without comments and string literals. */
    private static final Map<String, String> CODE = new TreeMap<>();
    /** Source file → its package. */
    private static final Map<String, String> PACKAGE = new TreeMap<>();

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String rel = MAIN.relativize(f).toString().replace('\\', '/');
                CODE.put(rel, stripComments(Files.readString(f, StandardCharsets.UTF_8)));
                PACKAGE.put(rel, rel.substring(0, rel.lastIndexOf('/')).replace('/', '.'));
            }
        }
        assertTrue(CODE.size() > 100, "the sources were found: " + CODE.size());
    }

    static String stripComments(String s) {
        return s.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ").replaceAll("\"(?:\\\\.|[^\"\\\\\\n])*\"", "\"\"");
    }

    /** The top-level layer of a package: {@code dev.descent.app.charts} → {@code app}; the root → "". */
    static String layer(String pkg) {
        String rest = pkg.equals("dev.descent") ? "" : pkg.substring("dev.descent.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** Package → packages it refers to. */
    static Map<String, Set<String>> graph() {
        Map<String, Set<String>> g = new TreeMap<>();
        CODE.forEach((file, code) -> {
            String from = PACKAGE.get(file);
            Set<String> to = g.computeIfAbsent(from, k -> new TreeSet<>());
            Matcher m = REF.matcher(code);
            while (m.find()) {
                String target = "dev.descent" + m.group(1);
                if (!target.equals(from)) {
                    to.add(target);
                }
            }
        });
        return g;
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        List<String> bad = new ArrayList<>();
        CODE.forEach((file, code) -> {
            String from = layer(PACKAGE.get(file));
            if (from.isEmpty()) {
                return; // the launcher starts the window or the command line
            }
            Set<String> allowed = MAY_USE.get(from);
            assertTrue(allowed != null, "a package that DESIGN.md does not place: " + PACKAGE.get(file));
            Matcher m = REF.matcher(code);
            while (m.find()) {
                String to = layer("dev.descent" + m.group(1));
                if (!to.equals(from) && !allowed.contains(to)) {
                    bad.add(file + " uses " + m.group().substring(0, m.group().length() - 2));
                }
            }
        });
        assertEquals(List.of(), bad);
    }

    @Test
    void noCycleBetweenPackages() {
        List<List<String>> cycles = cycles(graph());
        assertEquals(List.of(), cycles);
    }

    @Test
    void theCycleFinderFindsACycle() {
        Map<String, Set<String>> g = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertEquals(List.of(List.of("a", "b", "c")), cycles(g));
        assertEquals(List.of(), cycles(Map.of("a", Set.of("b"), "b", Set.of())));
    }

    @Test
    void javafxOnlyInApp() {
        List<String> bad = new ArrayList<>();
        CODE.forEach((file, code) -> {
            if (!layer(PACKAGE.get(file)).equals("app") && Pattern.compile("\\bjavafx\\.").matcher(code).find()) {
                bad.add(file);
            }
        });
        assertEquals(List.of(), bad);
    }

    /**
     * {@code app} is the window: every source file in it uses JavaFX (its nested classes are parts of
     * a class that does). JavaFX-free code belongs in a layer below, where export and the command
     * line can use it too.
     */
    @Test
    void everythingInAppUsesJavafx() {
        List<String> bad = new ArrayList<>();
        CODE.forEach((file, code) -> {
            if (layer(PACKAGE.get(file)).equals("app") && !Pattern.compile("\\bjavafx\\.").matcher(code).find()) {
                bad.add(file);
            }
        });
        assertEquals(List.of(), bad);
    }

    @Test
    void simDoesNoFileInputOutputAndReadsNoJson() {
        Pattern io = Pattern.compile("\\bjava\\.io\\.File|\\bjava\\.nio\\.file\\b|\\bcom\\.fasterxml\\.jackson\\b");
        List<String> bad = new ArrayList<>();
        CODE.forEach((file, code) -> {
            // the one exception: a data set named by its file is read where its surface is made
            if (layer(PACKAGE.get(file)).matches("math|optim|sim") && io.matcher(code).find()
                    && !file.equals("dev/descent/math/DataSet.java")) {
                bad.add(file);
            }
        });
        assertEquals(List.of(), bad);
    }

    @Test
    void theSessionLayerKnowsNoDrawingExportOrWindow() {
        Map<String, Set<String>> g = graph();
        for (String pkg : g.keySet()) {
            if (layer(pkg).equals("session")) {
                for (String to : g.get(pkg)) {
                    assertFalse(Set.of("render", "export", "app", "cli").contains(layer(to)), pkg + " uses " + to);
                }
            }
        }
        assertTrue(g.containsKey("dev.descent.session"));
        assertFalse(g.containsKey("dev.descent.export.session"), "session files belong to the session layer");
    }

    /** Strongly connected components with more than one package (Tarjan), each sorted, in order. */
    static List<List<String>> cycles(Map<String, Set<String>> g) {
        Map<String, Integer> index = new TreeMap<>();
        Map<String, Integer> low = new TreeMap<>();
        List<String> stack = new ArrayList<>();
        List<List<String>> out = new ArrayList<>();
        int[] next = {0};
        for (String v : new TreeSet<>(g.keySet())) {
            if (!index.containsKey(v)) {
                connect(v, g, index, low, stack, out, next);
            }
        }
        out.sort((a, b) -> a.get(0).compareTo(b.get(0)));
        return out;
    }

    private static void connect(String v, Map<String, Set<String>> g, Map<String, Integer> index, Map<String, Integer> low,
                                List<String> stack, List<List<String>> out, int[] next) {
        index.put(v, next[0]);
        low.put(v, next[0]++);
        stack.add(v);
        for (String w : new TreeSet<>(g.getOrDefault(v, Set.of()))) {
            if (!index.containsKey(w)) {
                connect(w, g, index, low, stack, out, next);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (stack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> scc = new ArrayList<>();
            String w;
            do {
                w = stack.remove(stack.size() - 1);
                scc.add(w);
            } while (!w.equals(v));
            if (scc.size() > 1) {
                scc.sort(null);
                out.add(scc);
            }
        }
    }
}
