package dev.descent.session;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.optim.Optimizers;
import java.util.Map;

/**
 * Settings that were renamed so that each word means one thing, read from session files written
 * before the rename: SGD's {@code variant=lookahead} is {@code classic_nesterov} (the Lookahead
 * optimizer keeps the word), Newton's {@code hessian_fix=damped} is {@code shift}. Newton's old
 * {@code damping} was an absolute shift; its successor {@code min_shift} is relative to the Hessian's
 * size, so the old value is dropped and the default applies rather than a misread number.
 *
 * <p>Lookahead and SAM runs were once stored against the union of every inner optimizer's settings,
 * where NaN meant "the inner optimizer's default": such leftovers (NaN, or a setting the chosen inner
 * optimizer does not take, at its common default) are dropped, so the run opens with the same values.
 */
final class RenamedSettings {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RenamedSettings() {
    }

    /** Rewrites the old names in a session's JSON tree, in place. Modified: {@code session}. */
    static void migrate(JsonNode session) {
        JsonNode runs = session.get("runs");
        if (runs == null || !runs.isArray()) {
            return;
        }
        for (JsonNode run : runs) {
            JsonNode h = run.get("hyperparameters");
            if (!run.isObject() || h == null || !h.isObject()) {
                continue;
            }
            ObjectNode hp = (ObjectNode) h;
            String optimizer = run.path("optimizer").asText("");
            if (optimizer.equals("sgd") && hp.path("variant").asText("").equals("lookahead")) {
                hp.put("variant", "classic_nesterov");
            }
            Map<String, Object> values = JSON.convertValue(hp, new TypeReference<Map<String, Object>>() { });
            for (String name : values.keySet()) {
                if (Optimizers.isUnionLeftover(optimizer, values, name)) {
                    hp.remove(name);
                }
            }
            if (optimizer.equals("newton")) {
                if (hp.path("hessian_fix").asText("").equals("damped")) {
                    hp.put("hessian_fix", "shift");
                }
                hp.remove("damping");
            }
        }
    }
}
