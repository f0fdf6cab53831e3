package dev.descent.cli;

import dev.descent.math.Surfaces;
import dev.descent.math.DataSurface;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Generates a data set from its seed and settings and writes it as CSV. */
@Command(name = "data", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate the data set of a model from its seed and settings and write it as CSV",
                "(x,y for linear and tanh, x1,x2,label for logistic), on stdout or to --out.",
                "The file reads back with trace --data MODEL --data-file FILE.csv."})
final class DataCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "linear, logistic or tanh")
    String model;

    @Option(names = {"--param", "-p"}, parameterConsumer = KeyValues.class, paramLabel = "NAME=VALUE",
            description = "a data setting, e.g. n=200, noise=0.3, outliers=0.1, data_seed=4, separation=2 (logistic), "
                    + "x_mean=3 (linear); see `list` (repeatable)")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--out", paramLabel = "FILE.csv", description = "write to this file instead of stdout")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() throws IOException {
        String id = switch (model.trim().toLowerCase(Locale.ROOT)) {
            case "linear", "linear_regression" -> "linear_regression";
            case "logistic", "logistic_regression" -> "logistic_regression";
            case "tanh", "tanh_net" -> "tanh_net";
            default -> throw new IllegalArgumentException("Unknown model '" + model + "'; choose linear, logistic or tanh");
        };
        if (params.containsKey("file")) {
            throw new IllegalArgumentException("data generates a data set; file= reads one (use it with trace --data-file)");
        }
        DataSurface s = (DataSurface) Surfaces.create(id, params);
        if (out == null) {
            PrintWriter w = commandSpec.commandLine().getOut();
            s.data().writeCsv(w);
            w.flush();
            return 0;
        }
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Cannot write " + out + ": the folder " + dir + " does not exist");
        }
        Path tmp = Files.createTempFile(dir, ".descent-data", ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                s.data().writeCsv(w);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        PrintWriter err = commandSpec.commandLine().getErr();
        err.println("wrote " + s.size() + " points of " + id + " (" + s.parameters() + ") to " + out);
        err.flush();
        return 0;
    }
}
