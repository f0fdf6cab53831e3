package dev.descent.app;

import atlantafx.base.theme.Styles;
import dev.descent.math.ParamSpec;
import dev.descent.math.Params;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The control for one setting, built from its {@link ParamSpec} alone: a slider and a text field
 * for numbers (logarithmic for {@code Scale.LOG}, fine near 1 for {@code Scale.NEAR_ONE}), a check
 * box for booleans, a combo box for choices, two number controls for pairs, a text field for
 * lists. Each change is handed to {@code apply}; when it answers with a reason, the field turns red,
 * the reason is shown under it, and the setting keeps its last valid value.
 */
final class ParamEditor {

    private final ParamSpec spec;
    private final Function<Object, Optional<String>> apply;
    private final VBox root = new VBox(3);
    private final Label error = new Label();
    private final List<NumberControl> numbers;
    private CheckBox check;
    private ComboBox<String> combo;
    private TextField listField;
    /** While a slider is dragged: the value it would give (a ghost path shows it); null: apply at once. */
    private java.util.function.Consumer<Object> preview;
    private Runnable previewEnd = () -> { };

    /**
     * @param idPrefix prefix of the node ids ({@code param-}), for tests and styling
     * @param context  extra tooltip text (the optimizer's update rule)
     */
    ParamEditor(ParamSpec spec, Object value, String idPrefix, String context, Function<Object, Optional<String>> apply) {
        this.spec = spec;
        this.apply = apply;
        root.getStyleClass().add("param-editor");
        error.setId("error-" + spec.name());
        error.getStyleClass().addAll("param-error", Styles.DANGER, Styles.TEXT_SMALL);
        error.setWrapText(true);
        error.setManaged(false);
        error.setVisible(false);
        Tooltip tip = new Tooltip(spec.help() + (context == null || context.isBlank() ? "" : "\n\n" + context));
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        tip.setShowDelay(Duration.millis(350));
        tip.setShowDuration(Duration.seconds(30));

        switch (spec.type()) {
            case BOOLEAN -> {
                numbers = List.of();
                check = new CheckBox();
                check.setGraphic(label(spec));
                check.setId(idPrefix + spec.name());
                check.setSelected(Boolean.TRUE.equals(value));
                check.setTooltip(tip);
                check.selectedProperty().addListener((o, a, b) -> {
                    Optional<String> r = apply.apply(b);
                    show(r);
                    if (r.isPresent()) {
                        check.setSelected(a);
                    }
                });
                root.getChildren().addAll(check, error);
            }
            case CHOICE -> {
                numbers = List.of();
                combo = new ComboBox<>();
                combo.getItems().setAll(spec.choices());
                combo.setValue(String.valueOf(value));
                combo.setId(idPrefix + spec.name());
                combo.setTooltip(tip);
                combo.setMaxWidth(Double.MAX_VALUE);
                combo.valueProperty().addListener((o, a, b) -> {
                    if (b == null || b.equals(a)) {
                        return;
                    }
                    Optional<String> r = apply.apply(b);
                    show(r);
                    if (r.isPresent()) {
                        combo.setValue(a);
                    }
                });
                HBox row = new HBox(8, label(spec), combo);
                row.setAlignment(Pos.CENTER_LEFT);
                HBox.setHgrow(combo, Priority.ALWAYS);
                root.getChildren().addAll(row, error);
            }
            case PAIR -> {
                double[] d = (double[]) spec.convert(value);
                NumberControl a = new NumberControl(spec, d[0], idPrefix + spec.name() + "-0", tip);
                NumberControl b = new NumberControl(spec, d[1], idPrefix + spec.name() + "-1", tip);
                numbers = List.of(a, b);
                // the refusal names the half it is about: torch's "index 0" means β₁
                a.onCommit = v -> apply.apply(new double[] {v, b.value}).map(m -> sub(spec, 1).getText() + ": " + m);
                b.onCommit = v -> apply.apply(new double[] {a.value, v}).map(m -> sub(spec, 2).getText() + ": " + m);
                a.toValue = v -> new double[] {v, b.value};
                b.toValue = v -> new double[] {a.value, v};
                Label head = label(spec);
                Tooltip.install(head, tip);
                root.getChildren().addAll(head, a.row(sub(spec, 1)), b.row(sub(spec, 2)), error);
            }
            case REAL, INTEGER -> {
                NumberControl n = new NumberControl(spec, ((Number) spec.convert(value)).doubleValue(), idPrefix + spec.name(), tip);
                numbers = List.of(n);
                n.onCommit = v -> apply.apply(spec.type() == ParamSpec.Type.INTEGER ? (Object) (int) Math.round(v) : (Object) v);
                n.toValue = v -> spec.type() == ParamSpec.Type.INTEGER ? (Object) (int) Math.round(v) : (Object) v;
                root.getChildren().addAll(n.row(label(spec)), error);
            }
            default -> {
                numbers = List.of();
                listField = new TextField(Params.format(value));
                listField.setId(idPrefix + spec.name());
                listField.setTooltip(tip);
                listField.setOnAction(e -> commitList());
                Object[] inForce = {value};
                listField.setUserData(inForce);
                listField.focusedProperty().addListener((o, a, b) -> {
                    if (!b) {
                        commitList();
                        if (listField.getPseudoClassStates().contains(Styles.STATE_DANGER)) {
                            // the refused text goes; the value in force comes back, the reason stays
                            listField.setText(Params.format(inForce[0]));
                            listField.pseudoClassStateChanged(Styles.STATE_DANGER, false);
                            keptNote(Params.format(inForce[0]));
                        }
                    }
                });
                HBox row = new HBox(8, label(spec), listField);
                row.setAlignment(Pos.CENTER_LEFT);
                HBox.setHgrow(listField, Priority.ALWAYS);
                root.getChildren().addAll(row, error);
            }
        }
    }

    private void commitList() {
        String text = listField.getText();
        Optional<String> r;
        Object converted = null;
        try {
            converted = spec.convert(text);
            r = apply.apply(converted);
        } catch (IllegalArgumentException e) {
            r = Optional.of(e.getMessage());
        }
        if (r.isEmpty()) {
            ((Object[]) listField.getUserData())[0] = converted;
        }
        show(r);
        listField.pseudoClassStateChanged(Styles.STATE_DANGER, r.isPresent());
    }

    Node node() {
        return root;
    }

    /** Shows or clears a refusal. */
    private void show(Optional<String> reason) {
        error.setText(reason.orElse(""));
        error.setVisible(reason.isPresent());
        error.setManaged(reason.isPresent());
    }

    /** After a refused value was taken back: says which value is still in force. */
    private void keptNote(String inForce) {
        if (error.isVisible() && !error.getText().contains(" — still ")) {
            error.setText(error.getText() + " — still " + inForce);
        }
    }

    /**
     * While one of this editor's sliders is dragged, {@code onPreview} receives the value it would set
     * (nothing is applied) and the value is applied when the slider is released, then {@code onEnd} runs.
     */
    ParamEditor withPreview(java.util.function.Consumer<Object> onPreview, Runnable onEnd) {
        this.preview = onPreview;
        this.previewEnd = onEnd;
        return this;
    }

    /** "η  lr": the lecture symbol, then torch's name in a quieter style. */
    static Label label(ParamSpec spec) {
        Label l = new Label(spec.symbol());
        l.getStyleClass().add("param-symbol");
        if (!spec.symbol().equals(spec.name())) {
            Label n = new Label(spec.name());
            n.getStyleClass().addAll("param-name", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            l.setGraphic(n);
            l.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            l.setGraphicTextGap(6);
        }
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private static Label sub(ParamSpec spec, int k) {
        Label l = new Label(spec.symbol() + (k == 1 ? "₁" : "₂"));
        l.getStyleClass().add("param-symbol");
        l.setMinWidth(28);
        return l;
    }

    /** A slider and a text field for one number. */
    private final class NumberControl {
        final ParamSpec spec;
        final Slider slider;
        final TextField field;
        double value;
        Function<Double, Optional<String>> onCommit;
        Function<Double, Object> toValue = v -> v;
        private boolean updating;
        private boolean fine;
        private double dragX;
        private double dragValue;

        NumberControl(ParamSpec spec, double v, String id, Tooltip tip) {
            this.spec = spec;
            this.value = v;
            slider = new Slider(toSlider(spec.sliderMin()), toSlider(spec.sliderMax()), toSlider(v));
            slider.setId(id + "-slider");
            slider.setTooltip(tip);
            slider.setFocusTraversable(false);
            field = new TextField(format(v));
            field.setId(id);
            field.setTooltip(tip);
            field.setPrefColumnCount(7);
            field.getStyleClass().add("param-field");
            // Shift-drag: a tenth of the speed and one more significant digit, for fine steps
            slider.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
                dragX = e.getX();
                dragValue = slider.getValue();
            });
            slider.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
                if (!e.isShiftDown()) {
                    dragX = e.getX();
                    dragValue = slider.getValue();
                    return;
                }
                double w = Math.max(1, slider.getWidth());
                double nv = dragValue + (e.getX() - dragX) / w * (slider.getMax() - slider.getMin()) / 10;
                dragX = e.getX();
                dragValue = Math.max(slider.getMin(), Math.min(slider.getMax(), nv));
                fine = true;
                try {
                    slider.setValue(dragValue);
                } finally {
                    fine = false;
                }
                e.consume();
            });
            slider.valueProperty().addListener((o, a, b) -> {
                if (updating) {
                    return;
                }
                double nv = round(fromSlider(b.doubleValue()));
                if (preview != null && slider.isValueChanging()) {
                    // dragging: show what it would do; releasing applies it
                    field.setText(format(nv));
                    preview.accept(toValue.apply(nv));
                    return;
                }
                if (nv == value) {
                    return;
                }
                commit(nv, format(nv));
            });
            slider.valueChangingProperty().addListener((o, was, now) -> {
                if (was && !now && preview != null) {
                    double nv = round(fromSlider(slider.getValue()));
                    if (nv != value) {
                        commit(nv, format(nv));
                    }
                    previewEnd.run();
                }
            });
            field.setOnAction(e -> commitText());
            field.focusedProperty().addListener((o, a, b) -> {
                if (!b) {
                    commitText();
                    if (field.getPseudoClassStates().contains(Styles.STATE_DANGER)) {
                        // the refused text goes; the value in force comes back, the reason stays
                        updating = true;
                        try {
                            field.setText(format(value));
                        } finally {
                            updating = false;
                        }
                        field.pseudoClassStateChanged(Styles.STATE_DANGER, false);
                        keptNote(format(value));
                    }
                }
            });
        }

        HBox row(Label label) {
            HBox row = new HBox(8, label, slider, field);
            row.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(slider, Priority.ALWAYS);
            slider.setMinWidth(60);
            slider.setPrefWidth(110);
            return row;
        }

        private void commitText() {
            String text = field.getText().trim();
            if (text.equals(format(value)) && !field.getPseudoClassStates().contains(Styles.STATE_DANGER)) {
                return;
            }
            double v;
            try {
                Object o = spec.type() == ParamSpec.Type.PAIR
                        ? ParamSpec.real(spec.name(), spec.symbol(), 0, 0, 1, spec.scale(), "").convert(text)
                        : spec.convert(text);
                v = ((Number) o).doubleValue();
            } catch (IllegalArgumentException e) {
                refuse(e.getMessage());
                return;
            }
            if (v == value && !field.getPseudoClassStates().contains(Styles.STATE_DANGER)) {
                field.setText(format(v));
                return;
            }
            commit(v, text);
        }

        private void commit(double v, String text) {
            Optional<String> r = onCommit.apply(v);
            if (r.isPresent()) {
                refuse(r.get());
                if (!field.getText().equals(text)) {
                    field.setText(text);
                }
                return;
            }
            value = v;
            field.pseudoClassStateChanged(Styles.STATE_DANGER, false);
            show(Optional.empty());
            updating = true;
            try {
                if (!field.isFocused() || !field.getText().trim().equals(text)) {
                    field.setText(format(v));
                }
                slider.setValue(toSlider(v));
            } finally {
                updating = false;
            }
        }

        private void refuse(String reason) {
            field.pseudoClassStateChanged(Styles.STATE_DANGER, true);
            show(Optional.of(reason));
            updating = true;
            try {
                slider.setValue(toSlider(value));
            } finally {
                updating = false;
            }
        }

        double toSlider(double v) {
            return switch (spec.scale()) {
                case LOG -> Math.log10(Math.max(v, Math.max(spec.sliderMin(), 1e-12)));
                case NEAR_ONE -> -Math.log10(Math.max(1 - Math.min(v, 1 - 1e-9), 1e-9));
                case LINEAR -> v;
            };
        }

        double fromSlider(double s) {
            return switch (spec.scale()) {
                case LOG -> Math.pow(10, s);
                case NEAR_ONE -> {
                    double snapped = Math.abs(s - Math.rint(s)) < 0.05 ? Math.rint(s) : s;
                    yield snapped <= 0 ? 0 : 1 - Math.pow(10, -snapped);
                }
                case LINEAR -> s;
            };
        }

        /**
         * Slider values rounded to what a person would type: one significant digit (0.001, 0.05,
         * 0.9, 0.99), two when Shift-dragging (0.0012, 0.95).
         */
        double round(double v) {
            if (spec.type() == ParamSpec.Type.INTEGER) {
                return Math.rint(v);
            }
            int digits = fine ? 2 : 1;
            return switch (spec.scale()) {
                case LOG -> sig(v, digits);
                case NEAR_ONE -> v <= 0 ? 0 : 1 - sig(1 - v, digits);
                case LINEAR -> {
                    double step = (spec.sliderMax() - spec.sliderMin()) / (fine ? 2000 : 200);
                    double q = Math.pow(10, Math.floor(Math.log10(step)));
                    yield Math.rint(v / q) * q;
                }
            };
        }

        private static double sig(double v, int digits) {
            if (v == 0 || !Double.isFinite(v)) {
                return v;
            }
            return new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).doubleValue();
        }

        String format(double v) {
            if (spec.type() == ParamSpec.Type.INTEGER) {
                return Long.toString(Math.round(v));
            }
            String s = Params.format(v);
            if (s.length() > 9) {
                String g = String.format(java.util.Locale.ROOT, "%.6g", v);
                double back = Double.parseDouble(g);
                s = back == v ? Params.format(back) : s;
            }
            return s;
        }
    }
}
