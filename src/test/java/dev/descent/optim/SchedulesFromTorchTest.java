package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Schedules#fromTorch} on golden-style header {@code schedule} objects, parsed from JSON text. */
class SchedulesFromTorchTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static Map<String, Object> json(String text) throws Exception {
        return JSON.readValue(text, new TypeReference<Map<String, Object>>() { });
    }

    static Schedule from(String text) throws Exception {
        return Schedules.fromTorch(json(text));
    }

    static String refusal(String text) throws Exception {
        Map<String, Object> map = json(text);
        return assertThrows(IllegalArgumentException.class, () -> Schedules.fromTorch(map)).getMessage();
    }

    @Test
    void theReadmeHeaders() throws Exception {
        assertEquals(new ExponentialLr(0.99), from("{\"type\": \"ExponentialLR\", \"gamma\": 0.99}"));
        assertEquals(new StepLr(100, 0.5), from("{\"type\": \"StepLR\", \"step_size\": 100, \"gamma\": 0.5}"));
        assertEquals(new CosineAnnealingLr(100, 0.001), from("{\"type\": \"CosineAnnealingLR\", \"T_max\": 100, \"eta_min\": 0.001}"));
        assertEquals(new LinearWarmup(20), from("{\"type\": \"LambdaLR\", \"lambda\": \"linear_warmup\", \"warmup\": 20, "
                + "\"lr_lambda_expr\": \"min(1.0, (epoch + 1) / warmup)\"}"));
    }

    @Test
    void freeTextKeysAreIgnored() throws Exception {
        assertEquals(new StepLr(100, 0.5), from("{\"type\": \"StepLR\", \"step_size\": 100, \"gamma\": 0.5, "
                + "\"semantics\": \"lr <- lr*gamma if last_epoch % step_size == 0\", \"when\": \"sched.step() after every opt.step()\"}"));
        assertEquals(new LinearWarmup(20), from("{\"type\": \"LambdaLR\", \"lambda\": \"linear_warmup\", \"warmup\": 20, "
                + "\"lr_lambda_expr\": \"min(1.0,(epoch+1)/warmup)\", \"semantics\": \"base*lambda(last_epoch)\", \"when\": \"after\"}"));
    }

    @Test
    void everyTorchScheduler() throws Exception {
        assertEquals(new MultiStepLr(List.of(30, 80), 0.1), from("{\"type\": \"MultiStepLR\", \"milestones\": [30, 80], \"gamma\": 0.1}"));
        assertEquals(new MultiStepLr(List.of(30, 80), 0.1), from("{\"type\": \"MultiStepLR\", \"milestones\": [30, 80]}"));
        assertEquals(new CosineWarmRestarts(50, 2, 0.0), from("{\"type\": \"CosineAnnealingWarmRestarts\", \"T_0\": 50, \"T_mult\": 2, \"eta_min\": 0}"));
        assertEquals(new LinearLr(0.25, 1.0, 10), from("{\"type\": \"LinearLR\", \"start_factor\": 0.25, \"total_iters\": 10}"));
        assertEquals(new LinearLr(1.0 / 3, 1.0, 5), from("{\"type\": \"LinearLR\"}"));
        assertEquals(new PolynomialLr(100, 2.0), from("{\"type\": \"PolynomialLR\", \"total_iters\": 100, \"power\": 2.0}"));
        assertEquals(new CosineAnnealingLr(100, 0.0), from("{\"type\": \"CosineAnnealingLR\", \"T_max\": 100}"));
        assertEquals(new StepLr(10, 0.1), from("{\"type\": \"StepLR\", \"step_size\": 10, \"last_epoch\": -1, \"verbose\": false}"));
    }

    @Test
    void nullIsConstant() {
        assertSame(Schedules.CONSTANT, Schedules.fromTorch(null).kind());
    }

    @Test
    void unknownKeysAreRefusedByName() throws Exception {
        String m = refusal("{\"type\": \"StepLR\", \"step_size\": 100, \"gama\": 0.5}");
        assertEquals("Unknown key 'gama' for torch StepLR; known: step_size, gamma", m);
        m = refusal("{\"type\": \"CosineAnnealingLR\", \"T_max\": 100, \"eta_max\": 0.5}");
        assertTrue(m.contains("'eta_max'"), m);
        m = refusal("{\"type\": \"LambdaLR\", \"lambda\": \"linear_warmup\", \"warmup\": 20, \"decay\": 3}");
        assertEquals("Unknown key 'decay' for torch LambdaLR (linear_warmup); known: lambda, warmup, lr_lambda_expr", m);
    }

    @Test
    void otherLambdasAreRefused() throws Exception {
        assertEquals("Unsupported LambdaLR lambda 'cosine_warmup'; only 'linear_warmup' (min(1.0, (epoch + 1) / warmup)) is known",
                refusal("{\"type\": \"LambdaLR\", \"lambda\": \"cosine_warmup\", \"warmup\": 20}"));
        assertTrue(refusal("{\"type\": \"LambdaLR\", \"warmup\": 20}").startsWith("LambdaLR needs a \"lambda\""));
        assertEquals("LambdaLR linear_warmup with lr_lambda_expr 'min(1.0, epoch / warmup)' is not the known min(1.0, (epoch + 1) / warmup)",
                refusal("{\"type\": \"LambdaLR\", \"lambda\": \"linear_warmup\", \"warmup\": 20, \"lr_lambda_expr\": \"min(1.0, epoch / warmup)\"}"));
        assertEquals("LambdaLR linear_warmup requires warmup",
                refusal("{\"type\": \"LambdaLR\", \"lambda\": \"linear_warmup\"}"));
    }

    @Test
    void otherRefusals() throws Exception {
        assertEquals("Unknown torch scheduler 'OneCycleLR'; known: StepLR, MultiStepLR, ExponentialLR, CosineAnnealingLR, "
                + "CosineAnnealingWarmRestarts, LinearLR, PolynomialLR, LambdaLR (linear_warmup)",
                refusal("{\"type\": \"OneCycleLR\", \"max_lr\": 0.1}"));
        assertEquals("A torch schedule needs a \"type\" naming the torch class, got none", refusal("{\"gamma\": 0.5}"));
        assertEquals("StepLR requires step_size (torch has no default)", refusal("{\"type\": \"StepLR\", \"gamma\": 0.5}"));
        assertEquals("ExponentialLR requires gamma (torch has no default)", refusal("{\"type\": \"ExponentialLR\"}"));
        assertEquals("Unsupported last_epoch 5 for StepLR: only -1 (a fresh scheduler) is supported",
                refusal("{\"type\": \"StepLR\", \"step_size\": 3, \"last_epoch\": 5}"));
        assertEquals("Invalid gamma: -0.5 (must be > 0)", refusal("{\"type\": \"StepLR\", \"step_size\": 3, \"gamma\": -0.5}"));
        assertEquals("Invalid T_max: 0 (must be an integer >= 1)", refusal("{\"type\": \"CosineAnnealingLR\", \"T_max\": 0}"));
        assertEquals("Invalid milestones: [80, 30] (must be increasing)", refusal("{\"type\": \"MultiStepLR\", \"milestones\": [80, 30]}"));
    }

    @Test
    void theJsonMapIsNotModified() throws Exception {
        Map<String, Object> map = json("{\"type\": \"StepLR\", \"step_size\": 100, \"gamma\": 0.5, \"semantics\": \"x\", \"last_epoch\": -1}");
        Map<String, Object> copy = Map.copyOf(map);
        Schedules.fromTorch(map);
        assertEquals(copy, map);
    }
}
