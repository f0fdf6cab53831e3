/**
 * Java2D painters for Descent's plots: one drawing path for the window (through FXGraphics2D on a
 * JavaFX canvas), for exported frames and for tests (into a {@code BufferedImage}, headless). No
 * JavaFX here.
 *
 * <h2>Frame = static layer + overlay</h2>
 * <ul>
 *   <li>{@link dev.descent.render.Scene} (surface, viewport, pixel size,
 *       {@link dev.descent.render.SceneSettings}) is the cache key of a
 *       {@link dev.descent.render.StaticLayer}: the filled field, contour lines, optional gradient
 *       arrows, critical points, axes, colour bar and title, drawn once into an image.
 *       {@link dev.descent.render.StaticLayer#render} is pure and may run on any thread.</li>
 *   <li>Each frame then draws only the runs ({@link dev.descent.render.TrajectorySnapshot}: colour,
 *       label, xs, ys, count, start, diverged), their markers and the legend, as set by
 *       {@link dev.descent.render.OverlaySettings}, through
 *       {@link dev.descent.render.ScenePainter#paintFrame} or
 *       {@link dev.descent.render.ScenePainter#paintOverlay}.</li>
 * </ul>
 *
 * <h2>Window</h2>
 * When the surface, viewport, canvas size or settings change, call
 * {@link dev.descent.render.ScenePainter#prepareAsync} with a background executor; on each pulse
 * paint {@link dev.descent.render.ScenePainter#latest()} with
 * {@code paintFrame(g, layer, currentViewport, runs, overlay)}, which stretches a stale
 * layer into the current viewport until the new one is ready. Map the mouse with
 * {@link dev.descent.render.StaticLayer#transform()} (its viewport may be wider than asked with
 * equal aspect). The window paints with Java2D into a {@code BufferedImage} whose pixels a JavaFX
 * {@code PixelBuffer} shares with the screen (one layer for the renderer, no FXGraphics2D per frame);
 * a whole frame may be painted in two bands at once ({@link dev.descent.render.Bands}).
 *
 * <h2>Export</h2>
 * {@code StaticLayer layer = StaticLayer.render(scene);} once, then
 * {@link dev.descent.render.ScenePainter#renderFrame} per frame.
 *
 * <h2>Pieces</h2>
 * {@link dev.descent.render.ScalarField} (f on a grid), {@link dev.descent.render.Levels} (linear,
 * log, auto), {@link dev.descent.render.ContourLines} (marching squares),
 * {@link dev.descent.render.FieldRaster} (filled image), {@link dev.descent.render.ColorMap},
 * {@link dev.descent.render.PlotTransform} (data ↔ pixels, zoom, pan),
 * {@link dev.descent.render.AxesPainter}, {@link dev.descent.render.ColorBarPainter},
 * {@link dev.descent.render.MarkerPainter}, {@link dev.descent.render.TrajectoryPainter},
 * {@link dev.descent.render.GradientFieldPainter},
 * {@link dev.descent.render.LegendPainter}; {@link dev.descent.render.ContourBenchmark} is the
 * workload the {@code bench} command times.
 */
package dev.descent.render;
