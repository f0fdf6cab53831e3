package dev.descent.render.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of a run's probes share a chart, decided from their names alone (the charts never ask which
 * optimizer a run uses): a probe {@code X} goes with {@code X_hat} and {@code X_max}, and names that
 * differ only in a trailing number go together ({@code bias_correction1}, {@code bias_correction2}).
 * So Adam's {@code m} is charted with {@code m_hat}, {@code v} with {@code v_hat} (and AMSGrad's
 * {@code v_max}), and the two bias corrections together; SGD's {@code momentum_buffer} stands alone.
 */
public final class ProbeGroups {

    /** How a probe is drawn within its group. */
    public enum Role {
        /** the plain quantity beside its corrected or derived forms ({@code m} beside {@code m_hat}): dashed */
        RAW,
        /** everything else: solid (a third member of a group is dotted) */
        MAIN
    }

    /**
     * One probe of a run.
     *
     * @param probe  its index in the run's probe list (its x channel is {@code 7 + 2·probe})
     */
    public record Member(int probe, String name, String symbol, Role role) {
    }

    /**
     * The probes one chart shows.
     *
     * @param stem  the common name ({@code m}, {@code v}, {@code bias_correction})
     * @param title the members' lecture symbols, e.g. "m, m̂"
     */
    public record Group(String stem, String title, List<Member> members) {
        public Group {
            members = List.copyOf(members);
        }
    }

    private ProbeGroups() {
    }

    /** The name a probe is grouped by: without {@code _hat}, {@code _max} or a trailing number. */
    public static String stem(String name) {
        String n = name;
        for (String suffix : new String[] {"_hat", "_max"}) {
            if (n.length() > suffix.length() && n.endsWith(suffix)) {
                return n.substring(0, n.length() - suffix.length());
            }
        }
        int end = n.length();
        while (end > 0 && Character.isDigit(n.charAt(end - 1))) {
            end--;
        }
        if (end > 0 && end < n.length()) {
            n = n.substring(0, end);
            if (n.length() > 1 && n.endsWith("_")) {
                n = n.substring(0, n.length() - 1);
            }
        }
        return n;
    }

    /**
     * Groups probes in the order they first appear; within a group the plain quantity (named as the
     * stem) comes first.
     *
     * @param names   the run's probe names, in channel order
     * @param symbols their lecture symbols (same length)
     * @param left    names not charted at all
     */
    public static List<Group> of(List<String> names, List<String> symbols, java.util.Set<String> left) {
        Map<String, List<Integer>> byStem = new LinkedHashMap<>();
        for (int k = 0; k < names.size(); k++) {
            if (left.contains(names.get(k))) {
                continue;
            }
            byStem.computeIfAbsent(stem(names.get(k)), s -> new ArrayList<>()).add(k);
        }
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byStem.entrySet()) {
            String stem = e.getKey();
            List<Integer> idx = new ArrayList<>(e.getValue());
            idx.sort((a, b) -> Boolean.compare(!names.get(a).equals(stem), !names.get(b).equals(stem)));
            List<Member> members = new ArrayList<>();
            StringBuilder title = new StringBuilder();
            for (int k : idx) {
                String symbol = k < symbols.size() && symbols.get(k) != null && !symbols.get(k).isBlank()
                        ? symbols.get(k) : names.get(k);
                boolean raw = idx.size() > 1 && names.get(k).equals(stem);
                members.add(new Member(k, names.get(k), symbol, raw ? Role.RAW : Role.MAIN));
                title.append(title.length() == 0 ? "" : ", ").append(symbol);
            }
            groups.add(new Group(stem, title.toString(), members));
        }
        return groups;
    }
}
