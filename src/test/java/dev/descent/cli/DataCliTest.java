package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data command, and trace on a loss from data with minibatches. */
class DataCliTest {

    @TempDir
    Path dir;

    @Test
    void dataWritesACsvThatTraceReadsBackToTheSameRun() throws Exception {
        Path csv = dir.resolve("d.csv");
        CliTest.Result w = CliTest.run("data", "logistic", "-p", "n=30", "-p", "data_seed=4", "--out", csv.toString());
        assertEquals(0, w.exit(), w.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("x1,x2,label", lines.get(0));
        assertEquals(31, lines.size());
        CliTest.Result fromFile = CliTest.run("trace", "--data", "logistic", "--data-file", csv.toString(), "-o", "sgd",
                "--batch-size", "4", "--seed", "2", "--steps", "20");
        CliTest.Result generated = CliTest.run("trace", "--data", "logistic", "--surface-param", "n=30",
                "--surface-param", "data_seed=4", "-o", "sgd", "--batch-size", "4", "--seed", "2", "--steps", "20");
        assertEquals(0, fromFile.exit(), fromFile.err());
        assertEquals(generated.out(), fromFile.out());
        assertEquals("step,x,y,loss,batch_loss,grad_error,epoch", fromFile.lines().get(0));
        assertTrue(fromFile.lines().get(1).endsWith(",,,"), fromFile.lines().get(1));
        // 30 points in batches of 4: eight batches an epoch (the last of 2), so step 9 (line 10) opens epoch 1
        assertTrue(fromFile.lines().get(9).endsWith(",0"), fromFile.lines().get(9));
        assertTrue(fromFile.lines().get(10).endsWith(",1"), fromFile.lines().get(10));
    }

    @Test
    void renderCsvCarriesTheMinibatchColumnsAsTraceDoes() throws Exception {
        Path csv = dir.resolve("lesson.csv");
        CliTest.Result r = CliTest.run("render", "--preset", "batch-stochastic-minibatch", "--out", csv.toString(),
                "--steps", "20", "-q");
        assertEquals(0, r.exit(), r.err());
        List<String> rendered = Files.readAllLines(csv);
        assertTrue(rendered.get(0).endsWith(",batch_loss,grad_error,epoch"), rendered.get(0));
        List<String> b8 = rendered.stream().filter(l -> l.startsWith("3,B = 8,")).toList();
        CliTest.Result t = CliTest.run("trace", "--data", "linear", "--surface-param", "n=200", "--surface-param", "noise=0.5",
                "--surface-param", "x_mean=1", "--surface-param", "data_seed=3", "-o", "sgd", "-p", "lr=0.05",
                "--batch-size", "8", "--seed", "1", "--steps", "20");
        assertEquals(0, t.exit(), t.err());
        List<String> traced = t.lines();
        assertEquals(21, b8.size());
        for (int i = 0; i <= 20; i++) {
            String[] a = b8.get(i).split(",", -1);
            String[] b = traced.get(i + 1).split(",", -1);
            assertEquals(b[1] + "," + b[2] + "," + b[3], a[3] + "," + a[4] + "," + a[5], "x, y, loss at step " + i);
            int n = a.length;
            assertEquals(b[4] + "," + b[5] + "," + b[6], a[n - 3] + "," + a[n - 2] + "," + a[n - 1], "batch columns at step " + i);
        }
    }

    @Test
    void anotherSeedGivesAnotherRun() {
        CliTest.Result a = CliTest.run("trace", "--data", "tanh", "-o", "sgd", "--batch-size", "1", "--seed", "1", "--steps", "30");
        CliTest.Result b = CliTest.run("trace", "--data", "tanh", "-o", "sgd", "--batch-size", "1", "--seed", "2", "--steps", "30");
        assertEquals(0, a.exit(), a.err());
        assertNotEquals(a.out(), b.out());
        assertEquals(a.out(), CliTest.run("trace", "--data", "tanh", "-o", "sgd", "--batch-size", "1", "--seed", "1",
                "--steps", "30").out());
    }

    @Test
    void mistakesAreNamed() {
        CliTest.Result r = CliTest.run("trace", "--data", "tanh", "-o", "bfgs", "--batch-size", "10");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("BFGS needs exact gradients") && r.err().contains("use the full batch (batch size = N = 100)"),
                r.err());
        r = CliTest.run("trace", "--surface", "rosenbrock", "--batch-size", "4");
        assertTrue(r.err().contains("Minibatches need a surface made from data"), r.err());
        r = CliTest.run("trace", "--data", "cubic");
        assertTrue(r.err().contains("Invalid value for --data: 'cubic'; choose linear, logistic or tanh"), r.err());
        r = CliTest.run("trace", "--data", "linear", "--batch-size", "101");
        assertTrue(r.err().contains("Invalid batch size: 101 (the data set has 100 points; at most 100)"), r.err());
        r = CliTest.run("trace", "--data", "linear", "--batch-size", "0");
        assertTrue(r.err().contains("Invalid batch size: 0 (must be >= 1)"), r.err());
        r = CliTest.run("data", "linear", "-p", "n=0");
        assertTrue(r.err().contains("Invalid n: 0"), r.err());
        r = CliTest.run("trace", "--data", "linear", "--data-file", dir.resolve("missing.csv").toString());
        assertTrue(r.err().contains("Data file not found"), r.err());
    }
}
