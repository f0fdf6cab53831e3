package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every schedule against the learning rates torch 1.13.1 itself produced
 * ({@code src/test/resources/torch-schedules/torch_lr.csv}, written by {@code generate.py} there
 * with torch's own {@code lr_scheduler} classes), bit for bit over 300 steps. The port in
 * {@link TorchLrSchedulers} is checked by {@link ScheduleTorchParityTest}; this test does not rely on it.
 */
class ScheduleRealTorchTest {

    static final Path FILE = Path.of("src/test/resources/torch-schedules/torch_lr.csv");

    static Map<String, Schedule> cases() {
        Map<String, Schedule> m = new LinkedHashMap<>();
        m.put("StepLR(100 0.5)@0.05", new StepLr(100, 0.5));
        m.put("StepLR(7 0.9)@0.3", new StepLr(7, 0.9));
        m.put("StepLR(1 0.97)@1.0", new StepLr(1, 0.97));
        m.put("MultiStepLR([30 80] 0.1)@0.1", new MultiStepLr(List.of(30, 80), 0.1));
        m.put("MultiStepLR([0 1 50 150 299] 0.7)@0.02", new MultiStepLr(List.of(0, 1, 50, 150, 299), 0.7));
        m.put("ExponentialLR(0.99)@0.05", new ExponentialLr(0.99));
        m.put("ExponentialLR(0.9)@1.0", new ExponentialLr(0.9));
        m.put("ExponentialLR(1.01)@0.003", new ExponentialLr(1.01));
        m.put("CosineAnnealingLR(100 0.001)@0.1", new CosineAnnealingLr(100, 0.001));
        m.put("CosineAnnealingLR(100 0)@0.05", new CosineAnnealingLr(100, 0));
        m.put("CosineAnnealingLR(37 0.2)@0.9", new CosineAnnealingLr(37, 0.2));
        m.put("CosineAnnealingLR(1 0.01)@0.1", new CosineAnnealingLr(1, 0.01));
        m.put("CosineAnnealingWarmRestarts(50 1 0.001)@0.1", new CosineWarmRestarts(50, 1, 0.001));
        m.put("CosineAnnealingWarmRestarts(10 2 0)@0.05", new CosineWarmRestarts(10, 2, 0));
        m.put("CosineAnnealingWarmRestarts(3 3 0.02)@0.3", new CosineWarmRestarts(3, 3, 0.02));
        m.put("LinearLR(1/3 1 5)@0.05", new LinearLr(1.0 / 3, 1.0, 5));
        m.put("LinearLR(0.01 1 250)@0.2", new LinearLr(0.01, 1.0, 250));
        m.put("LinearLR(1 0.5 100)@0.1", new LinearLr(1.0, 0.5, 100));
        m.put("PolynomialLR(5 1)@0.05", new PolynomialLr(5, 1.0));
        m.put("PolynomialLR(200 2)@0.1", new PolynomialLr(200, 2.0));
        m.put("PolynomialLR(290 0.9)@0.01", new PolynomialLr(290, 0.9));
        m.put("LambdaLR(warmup 20)@0.05", new LinearWarmup(20));
        m.put("LambdaLR(warmup 1)@0.3", new LinearWarmup(1));
        m.put("LambdaLR(warmup 299)@0.01", new LinearWarmup(299));
        return m;
    }

    @Test
    void everyScheduleGivesTorchsOwnLearningRatesBitForBit() throws IOException {
        Map<String, Schedule> cases = cases();
        int checked = 0;
        for (String line : Files.readAllLines(FILE)) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",");
            String id = cells[0];
            Schedule schedule = cases.get(id);
            if (schedule == null) {
                fail("no Descent schedule for torch's case " + id);
            }
            double base = Double.parseDouble(id.substring(id.lastIndexOf('@') + 1));
            Schedule.State state = schedule.start(base);
            for (int t = 1; t < cells.length; t++) {
                double torch = Double.parseDouble(cells[t]);
                if (Double.doubleToRawLongBits(state.lr()) != Double.doubleToRawLongBits(torch)) {
                    fail(id + " step " + t + ": Descent " + state.lr() + ", torch " + torch);
                }
                state.step();
            }
            assertEquals(301, cells.length, id);
            checked++;
        }
        assertEquals(cases.size(), checked, "every case is in the file");
    }
}
