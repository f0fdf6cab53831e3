package dev.descent.render;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A perceptually uniform colour map: t ∈ [0, 1] → packed ARGB (opaque).
 *
 * <p>Each map is a 256-entry lookup table, linearly interpolated between entries. viridis, magma
 * and inferno are the tables published by Stéfan van der Walt and Nathaniel Smith (matplotlib
 * 1.5+/2.0, CC0); cividis is Nuñez, Anderton and Renslow's table (PLoS ONE 2018, as shipped by
 * matplotlib). Entries are the published float values rounded to 8 bits, so viridis(0) = #440154 and
 * viridis(1) = #FDE725. {@link #GREY} is a ramp uniform in CIELAB lightness L* from 10 to 97.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class ColorMap {

    private static final String VIRIDIS_DATA =
            "44015444025645045745055946075a46085c460a5d460b5e470d60470e61471063471164471365481467481668481769" +
            "48186a481a6c481b6d481c6e481d6f481f70482071482173482374482475482576482677482878482979472a7a472c7a" +
            "472d7b472e7c472f7d46307e46327e46337f463480453581453781453882443983443a83443b84433d84433e85423f85" +
            "4240864241864142874144874045884046883f47883f48893e49893e4a893e4c8a3d4d8a3d4e8a3c4f8a3c508b3b518b" +
            "3b528b3a538b3a548c39558c39568c38588c38598c375a8c375b8d365c8d365d8d355e8d355f8d34608d34618d33628d" +
            "33638d32648e32658e31668e31678e31688e30698e306a8e2f6b8e2f6c8e2e6d8e2e6e8e2e6f8e2d708e2d718e2c718e" +
            "2c728e2c738e2b748e2b758e2a768e2a778e2a788e29798e297a8e297b8e287c8e287d8e277e8e277f8e27808e26818e" +
            "26828e26828e25838e25848e25858e24868e24878e23888e23898e238a8d228b8d228c8d228d8d218e8d218f8d21908d" +
            "21918c20928c20928c20938c1f948c1f958b1f968b1f978b1f988b1f998a1f9a8a1e9b8a1e9c891e9d891f9e891f9f88" +
            "1fa0881fa1881fa1871fa28720a38620a48621a58521a68522a78522a88423a98324aa8325ab8225ac8226ad8127ad81" +
            "28ae8029af7f2ab07f2cb17e2db27d2eb37c2fb47c31b57b32b67a34b67935b77937b87838b9773aba763bbb753dbc74" +
            "3fbc7340bd7242be7144bf7046c06f48c16e4ac16d4cc26c4ec36b50c46a52c56954c56856c66758c7655ac8645cc863" +
            "5ec96260ca6063cb5f65cb5e67cc5c69cd5b6ccd5a6ece5870cf5773d05675d05477d1537ad1517cd2507fd34e81d34d" +
            "84d44b86d54989d5488bd6468ed64590d74393d74195d84098d83e9bd93c9dd93ba0da39a2da37a5db36a8db34aadc32" +
            "addc30b0dd2fb2dd2db5de2bb8de29bade28bddf26c0df25c2df23c5e021c8e020cae11fcde11dd0e11cd2e21bd5e21a" +
            "d8e219dae319dde318dfe318e2e418e5e419e7e419eae51aece51befe51cf1e51df4e61ef6e620f8e621fbe723fde725";

    private static final String CIVIDIS_DATA =
            "00224e00234f00245100255300255400265600275800285900285b00295d002a5f002a61002b62002c64002c66002d68" +
            "002e6a002e6c002f6d00306f0030700031700031710132710533710833700c34700f357012357014367016377018376f" +
            "1a386f1c396f1e3a6f203a6f213b6e233c6e243c6e263d6e273e6e293f6e2a3f6d2b406d2d416d2e416d2f426d31436d" +
            "32436d33446d34456c35456c36466c38476c39486c3a486c3b496c3c4a6c3d4a6c3e4b6c3f4c6c404c6c414d6c424e6c" +
            "434e6c444f6c45506c46516c47516c48526c49536c4a536c4b546c4c556c4d556c4e566c4f576c50576c51586d52596d" +
            "535a6d545a6d555b6d555c6d565c6d575d6d585e6d595e6e5a5f6e5b606e5c616e5d616e5e626e5e636f5f636f60646f" +
            "61656f62656f636670646770656870656870666970676a71686a71696b716a6c716b6d726c6d726c6e726d6f726e6f73" +
            "6f70737071737172747272747273747374757474757575757676767777767777777878777979777a7a787b7a787c7b78" +
            "7d7c787e7c787e7d787f7e78807f78817f788280798381798482798582798683798784788885788985788a86788b8778" +
            "8c88788d88788e89788f8a78908b78918b78928c78928d78938e78948e77958f779690779791779892779992779a9376" +
            "9b94769c95769d95769e96769f9775a09875a19975a29975a39a74a49b74a59c74a69c74a79d73a89e73a99f73aaa073" +
            "aba072aca172ada272aea371afa471b0a571b1a570b3a670b4a76fb5a86fb6a96fb7a96eb8aa6eb9ab6dbaac6dbbad6d" +
            "bcae6cbdae6cbeaf6bbfb06bc0b16ac1b26ac2b369c3b369c4b468c5b568c6b667c7b767c8b866c9b965cbb965ccba64" +
            "cdbb63cebc63cfbd62d0be62d1bf61d2c060d3c05fd4c15fd5c25ed6c35dd7c45cd9c55cdac65bdbc75adcc859ddc858" +
            "dec958dfca57e0cb56e1cc55e2cd54e4ce53e5cf52e6d051e7d150e8d24fe9d34eead34cebd44bedd54aeed649efd748" +
            "f0d846f1d945f2da44f3db42f5dc41f6dd3ff7de3ef8df3cf9e03afbe138fce236fde334fee434fee535fee636fee838";

    private static final String MAGMA_DATA =
            "00000401000501010601010802010902020b02020d03030f03031204041405041606051806051a07061c08071e090720" +
            "0a08220b09240c09260d0a290e0b2b100b2d110c2f120d31130d34140e36150e38160f3b180f3d19103f1a10421c1044" +
            "1d11471e114920114b21114e22115024125325125527125829115a2a115c2c115f2d11612f1163311165331067341069" +
            "36106b38106c390f6e3b0f703d0f713f0f72400f74420f75440f764510774710784910784a10794c117a4e117b4f127b" +
            "51127c52137c54137d56147d57157e59157e5a167e5c167f5d177f5f187f601880621980641a80651a80671b80681c81" +
            "6a1c816b1d816d1d816e1e81701f81721f817320817521817621817822817922827b23827c23827e2482802582812581" +
            "8326818426818627818827818928818b29818c29818e2a81902a81912b81932b80942c80962c80982d80992d809b2e7f" +
            "9c2e7f9e2f7fa02f7fa1307ea3307ea5317ea6317da8327daa337dab337cad347cae347bb0357bb2357bb3367ab5367a" +
            "b73779b83779ba3878bc3978bd3977bf3a77c03a76c23b75c43c75c53c74c73d73c83e73ca3e72cc3f71cd4071cf4070" +
            "d0416fd2426fd3436ed5446dd6456cd8456cd9466bdb476adc4869de4968df4a68e04c67e24d66e34e65e44f64e55064" +
            "e75263e85362e95462ea5661eb5760ec5860ed5a5fee5b5eef5d5ef05f5ef1605df2625df2645cf3655cf4675cf4695c" +
            "f56b5cf66c5cf66e5cf7705cf7725cf8745cf8765cf9785df9795df97b5dfa7d5efa7f5efa815ffb835ffb8560fb8761" +
            "fc8961fc8a62fc8c63fc8e64fc9065fd9266fd9467fd9668fd9869fd9a6afd9b6bfe9d6cfe9f6dfea16efea36ffea571" +
            "fea772fea973feaa74feac76feae77feb078feb27afeb47bfeb67cfeb77efeb97ffebb81febd82febf84fec185fec287" +
            "fec488fec68afec88cfeca8dfecc8ffecd90fecf92fed194fed395fed597fed799fed89afdda9cfddc9efddea0fde0a1" +
            "fde2a3fde3a5fde5a7fde7a9fde9aafdebacfcecaefceeb0fcf0b2fcf2b4fcf4b6fcf6b8fcf7b9fcf9bbfcfbbdfcfdbf";

    private static final String INFERNO_DATA =
            "00000401000501010601010802010a02020c02020e03021004031204031405041706041907051b08051d09061f0a0722" +
            "0b07240c08260d08290e092b10092d110a30120a32140b34150b37160b39180c3c190c3e1b0c411c0c431e0c451f0c48" +
            "210c4a230c4c240c4f260c51280b53290b552b0b572d0b592f0a5b310a5c320a5e340a5f3609613809623909633b0964" +
            "3d09653e0966400a67420a68440a68450a69470b6a490b6a4a0c6b4c0c6b4d0d6c4f0d6c510e6c520e6d540f6d550f6d" +
            "57106e59106e5a116e5c126e5d126e5f136e61136e62146e64156e65156e67166e69166e6a176e6c186e6d186e6f196e" +
            "71196e721a6e741a6e751b6e771c6d781c6d7a1d6d7c1d6d7d1e6d7f1e6c801f6c82206c84206b85216b87216b88226a" +
            "8a226a8c23698d23698f24699025689225689326679526679727669827669a28659b29649d29649f2a63a02a63a22b62" +
            "a32c61a52c60a62d60a82e5fa92e5eab2f5ead305dae305cb0315bb1325ab3325ab43359b63458b73557b93556ba3655" +
            "bc3754bd3853bf3952c03a51c13a50c33b4fc43c4ec63d4dc73e4cc83f4bca404acb4149cc4248ce4347cf4446d04545" +
            "d24644d34743d44842d54a41d74b3fd84c3ed94d3dda4e3cdb503bdd513ade5238df5337e05536e15635e25734e35933" +
            "e45a31e55c30e65d2fe75e2ee8602de9612bea632aeb6429eb6628ec6726ed6925ee6a24ef6c23ef6e21f06f20f1711f" +
            "f1731df2741cf3761bf37819f47918f57b17f57d15f67e14f68013f78212f78410f8850ff8870ef8890cf98b0bf98c0a" +
            "f98e09fa9008fa9207fa9407fb9606fb9706fb9906fb9b06fb9d07fc9f07fca108fca309fca50afca60cfca80dfcaa0f" +
            "fcac11fcae12fcb014fcb216fcb418fbb61afbb81dfbba1ffbbc21fbbe23fac026fac228fac42afac62df9c72ff9c932" +
            "f9cb35f8cd37f8cf3af7d13df7d340f6d543f6d746f5d949f5db4cf4dd4ff4df53f4e156f3e35af3e55df2e661f2e865" +
            "f2ea69f1ec6df1ed71f1ef75f1f179f2f27df2f482f3f586f3f68af4f88ef5f992f6fa96f8fb9af9fc9dfafda1fcffa4";

    public static final ColorMap VIRIDIS = fromHex("viridis", VIRIDIS_DATA);
    public static final ColorMap CIVIDIS = fromHex("cividis", CIVIDIS_DATA);
    public static final ColorMap MAGMA = fromHex("magma", MAGMA_DATA);
    public static final ColorMap INFERNO = fromHex("inferno", INFERNO_DATA);
    public static final ColorMap GREY = greyRamp();

    /** The default map. */
    public static final ColorMap DEFAULT = VIRIDIS;

    private static final List<ColorMap> ALL = List.of(VIRIDIS, CIVIDIS, MAGMA, INFERNO, GREY);

    /** Colour for values that are not finite numbers (overflow, NaN): a neutral light grey. */
    public static final int BAD_ARGB = 0xFFD9D9D9;

    private final String name;
    private final int[] lut;

    private ColorMap(String name, int[] lut) {
        this.name = name;
        this.lut = lut;
    }

    /** All maps, default first. */
    public static List<ColorMap> all() {
        return ALL;
    }

    /**
     * The map with this name (case-insensitive; "gray" is accepted for "grey").
     *
     * @throws IllegalArgumentException listing the known names
     */
    public static ColorMap byName(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        if (key.equals("gray")) {
            key = "grey";
        }
        for (ColorMap m : ALL) {
            if (m.name.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unknown colour map '" + name + "'; known: "
                + ALL.stream().map(ColorMap::name).collect(Collectors.joining(", ")));
    }

    /** The map with this name, or {@link #DEFAULT} when there is none (null, or a name no map has). */
    public static ColorMap orDefault(String name) {
        try {
            return name == null ? DEFAULT : byName(name);
        } catch (IllegalArgumentException e) {
            return DEFAULT;
        }
    }

    public String name() {
        return name;
    }

    /** Number of table entries (256). */
    public int size() {
        return lut.length;
    }

    /** Table entry i as ARGB. */
    public int entry(int i) {
        return lut[i];
    }

    /**
     * The colour at t, interpolated between table entries; t is clamped to [0, 1]; NaN gives
     * {@link #BAD_ARGB}.
     */
    public int argb(double t) {
        if (!(t == t)) {
            return BAD_ARGB;
        }
        double x = (t <= 0 ? 0 : t >= 1 ? 1 : t) * (lut.length - 1);
        int i = (int) x;
        if (i >= lut.length - 1) {
            return lut[lut.length - 1];
        }
        double f = x - i;
        if (f == 0) {
            return lut[i];
        }
        return lerp(lut[i], lut[i + 1], f);
    }

    public Color color(double t) {
        return new Color(argb(t), true);
    }

    /**
     * n colours at the centres of n equal bins, t = (k + ½)/n: the colours of n filled bands.
     *
     * @return a new array (the caller owns it)
     */
    public int[] bandColors(int n) {
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            out[k] = argb((k + 0.5) / n);
        }
        return out;
    }

    /**
     * A finer table of n entries spanning t = 0 … 1, for fast per-pixel lookup.
     *
     * @return a new array (the caller owns it)
     */
    public int[] resample(int n) {
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            out[k] = argb(n == 1 ? 0 : (double) k / (n - 1));
        }
        return out;
    }

    /** Relative luminance (0 black … 1 white) of an ARGB colour, as in WCAG / sRGB. */
    public static double luminance(int argb) {
        return 0.2126 * linear((argb >> 16) & 0xFF) + 0.7152 * linear((argb >> 8) & 0xFF) + 0.0722 * linear(argb & 0xFF);
    }

    private static double linear(int c) {
        double v = c / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** Darkens a colour: 1 keeps it, 0 is black. */
    static int shade(int argb, double k) {
        int r = (int) Math.round(((argb >> 16) & 0xFF) * k);
        int g = (int) Math.round(((argb >> 8) & 0xFF) * k);
        int b = (int) Math.round((argb & 0xFF) * k);
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    /** The colour {@code f} of the way from {@code a} to {@code b} (opaque). */
    static int lerp(int a, int b, double f) {
        int r = (int) Math.round(((a >> 16) & 0xFF) + f * (((b >> 16) & 0xFF) - ((a >> 16) & 0xFF)));
        int g = (int) Math.round(((a >> 8) & 0xFF) + f * (((b >> 8) & 0xFF) - ((a >> 8) & 0xFF)));
        int bl = (int) Math.round((a & 0xFF) + f * ((b & 0xFF) - (a & 0xFF)));
        return 0xFF000000 | (r << 16) | (g << 8) | bl;
    }

    private static ColorMap fromHex(String name, String hex) {
        if (hex.length() != 256 * 6) {
            throw new IllegalStateException(name + " table has " + hex.length() / 6 + " entries");
        }
        int[] lut = new int[256];
        for (int i = 0; i < 256; i++) {
            lut[i] = 0xFF000000 | Integer.parseInt(hex, i * 6, i * 6 + 6, 16);
        }
        return new ColorMap(name, lut);
    }

    /** Grey ramp uniform in L*: L* from 10 to 97, converted to sRGB. */
    private static ColorMap greyRamp() {
        int[] lut = new int[256];
        for (int i = 0; i < 256; i++) {
            double lstar = 10 + 87 * i / 255.0;
            double fy = (lstar + 16) / 116;
            double y = fy > 6.0 / 29 ? fy * fy * fy : 3 * (6.0 / 29) * (6.0 / 29) * (fy - 4.0 / 29);
            double srgb = y <= 0.0031308 ? 12.92 * y : 1.055 * Math.pow(y, 1 / 2.4) - 0.055;
            int v = (int) Math.round(Math.max(0, Math.min(1, srgb)) * 255);
            lut[i] = 0xFF000000 | (v << 16) | (v << 8) | v;
        }
        return new ColorMap("grey", lut);
    }

    @Override
    public String toString() {
        return name;
    }
}
