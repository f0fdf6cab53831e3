package dev.descent.render;

/**
 * The orbit camera of the 3-D view: it turns about the vertical axis ({@code azimuth}, degrees; 0
 * looks along +y, so x runs to the right as on the plot), looks down from {@code elevation} degrees
 * above the horizon (90: straight down, the plot's own view) and magnifies by {@code zoom}.
 *
 * <p>The scene is a box: the view's x and y span [−a, a] × [−b, b] with max(a, b) = 1 and a/b the
 * view's aspect, and the height spans [0, {@link #HEIGHT}]. A mild perspective (the eye
 * {@link #DISTANCE} box units from the centre) keeps near edges nearer.
 */
public record Camera3D(double azimuth, double elevation, double zoom) {

    /** The height of the box, in units of its half-width. */
    public static final double HEIGHT = 0.7;
    /** The eye's distance from the box's centre. */
    public static final double DISTANCE = 5;
    public static final double MIN_ELEVATION = 5;
    public static final double MAX_ELEVATION = 90;
    public static final double MIN_ZOOM = 0.5;
    public static final double MAX_ZOOM = 4;

    /** Looking from the front-left and 35° up: every valley and ridge of the lessons shows. */
    public static final Camera3D DEFAULT = new Camera3D(-30, 35, 1);

    public Camera3D {
        if (!Double.isFinite(azimuth) || !Double.isFinite(elevation) || !Double.isFinite(zoom)) {
            throw new IllegalArgumentException("camera angles and zoom must be finite");
        }
        azimuth = ((azimuth + 180) % 360 + 360) % 360 - 180;
        elevation = Math.max(MIN_ELEVATION, Math.min(MAX_ELEVATION, elevation));
        zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
    }

    /** Turned by the given degrees (a drag: sideways turns, up and down tilts). */
    public Camera3D turned(double dAzimuth, double dElevation) {
        return new Camera3D(azimuth + dAzimuth, elevation + dElevation, zoom);
    }

    public Camera3D zoomed(double factor) {
        return new Camera3D(azimuth, elevation, zoom * factor);
    }

    /** "azimuth,elevation,zoom", as {@link #parse} reads it. */
    public String text() {
        return azimuth + "," + elevation + "," + zoom;
    }

    /**
     * A camera written {@code AZ,EL[,ZOOM]} (degrees; zoom 1 when left out), elevation and zoom within
     * their ranges.
     *
     * @throws IllegalArgumentException saying what is expected
     */
    public static Camera3D parse(String text) {
        String[] parts = text.split(",", -1);
        try {
            if (parts.length == 2 || parts.length == 3) {
                double az = Double.parseDouble(parts[0].trim());
                double el = Double.parseDouble(parts[1].trim());
                double zoom = parts.length == 3 ? Double.parseDouble(parts[2].trim()) : 1;
                if (Double.isFinite(az) && el >= MIN_ELEVATION && el <= MAX_ELEVATION && zoom >= MIN_ZOOM && zoom <= MAX_ZOOM) {
                    return new Camera3D(az, el, zoom);
                }
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("expected AZ,EL[,ZOOM] in degrees, such as -30,35: elevation " + (int) MIN_ELEVATION
                + " to " + (int) MAX_ELEVATION + ", zoom " + MIN_ZOOM + " to " + (int) MAX_ZOOM);
    }

    /**
     * This camera's projection into an image of that size, its sines and cosines worked out once.
     * At zoom 1 the box (of the given half-widths) fills the image but for a margin, centred, at any angle.
     */
    public Projection projection(int width, int height, double halfU, double halfV) {
        double az = Math.toRadians(azimuth);
        double el = Math.toRadians(elevation);
        Projection unit = new Projection(Math.cos(az), Math.sin(az), Math.cos(el), Math.sin(el), 1, 0, 0);
        double[] p = new double[3];
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < 8; k++) {
            unit.apply((k & 1) == 0 ? -halfU : halfU, (k & 2) == 0 ? -halfV : halfV, (k & 4) == 0 ? 0 : HEIGHT, p);
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]);
            maxY = Math.max(maxY, p[1]);
        }
        // the perspective scales about the centre, so fitting the unit-scale bounds fits the picture
        double scale = zoom * Math.min(width * 0.8 / (maxX - minX), height * 0.8 / (maxY - minY));
        return new Projection(unit.cosAz, unit.sinAz, unit.cosEl, unit.sinEl, scale,
                width / 2.0 - scale * (minX + maxX) / 2, height / 2.0 - scale * (minY + maxY) / 2);
    }

    /** A projection worked out for one image size. */
    public record Projection(double cosAz, double sinAz, double cosEl, double sinEl, double scale, double cx,
                             double cy) {

        /**
         * Where a point of the box lands in the image: {@code out} gets the pixel x, the pixel y
         * (down) and the depth (larger is farther).
         *
         * @param u across, in [−a, a]
         * @param v along, in [−b, b]
         * @param h up, in [0, {@link Camera3D#HEIGHT}]
         */
        public void apply(double u, double v, double h, double[] out) {
            double x1 = u * cosAz - v * sinAz;
            double y1 = u * sinAz + v * cosAz; // away from the eye
            double z = h - HEIGHT / 2;
            double up = z * cosEl + y1 * sinEl;
            double depth = y1 * cosEl - z * sinEl;
            double s = scale * DISTANCE / (DISTANCE + depth);
            out[0] = cx + x1 * s;
            out[1] = cy - up * s;
            out[2] = depth;
        }

        /** The direction towards the eye in box coordinates, for lighting. */
        public double[] towardsEye() {
            return new double[] {-sinAz * cosEl, -cosAz * cosEl, sinEl};
        }
    }
}
