package io.siyu.growth;

import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;

/**
 * The round picture a poster shows for its participant. Without a picture of their own, a coloured disc with the
 * first character of their name: the colour follows the participant id, so a poster looks the same each time.
 */
final class PosterAvatars {

    // saturated, readable under white text, none of them the poster's background red
    private static final int[] PALETTE = {
        0x1677FF, 0x13A8A8, 0x52C41A, 0x722ED1, 0xEB2F96, 0xFA8C16, 0x2F54EB, 0x08979C, 0x9254DE, 0xD4380D
    };

    private PosterAvatars() {}

    /** A disc {@code size} pixels across with the name's first character, or 友 (friend) when there is no name. */
    static BufferedImage generated(long participantId, String name, int size, String fontFamily) {
        var image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(colour(participantId)));
            g.fill(new Ellipse2D.Double(0, 0, size, size));
            var letter = initial(name);
            g.setFont(new Font(fontFamily, Font.BOLD, size * 9 / 20));
            g.setColor(Color.WHITE);
            var metrics = g.getFontMetrics();
            // centred on the glyph's visual middle: ascent minus descent, not the line height
            g.drawString(
                    letter,
                    (size - metrics.stringWidth(letter)) / 2f,
                    (size + metrics.getAscent() - metrics.getDescent()) / 2f);
        } finally {
            g.dispose();
        }
        return image;
    }

    static int colour(long participantId) {
        // a mixed hash: consecutive ids (participants who joined one after another) get unrelated colours
        long mixed = participantId * 0x9E3779B97F4A7C15L;
        return PALETTE[(int) Math.floorMod(mixed ^ (mixed >>> 29), (long) PALETTE.length)];
    }

    static String initial(String name) {
        var stripped = name.strip();
        if (stripped.isEmpty()) {
            return "友";
        }
        return new String(Character.toChars(Character.toUpperCase(stripped.codePointAt(0))));
    }
}
