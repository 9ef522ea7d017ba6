package io.siyu.shared;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.roaringbitmap.RoaringBitmap;

/** Compressed bitmaps of customer ids in RoaringBitmap's portable format, as stored in bytea columns. */
public final class Bitmaps {

    private Bitmaps() {}

    /** The bitmap's bytes; a copy is compressed, so readers may share the bitmap meanwhile. */
    public static byte[] bytes(RoaringBitmap members) {
        var bitmap = members.clone();
        bitmap.runOptimize();
        var out = new ByteArrayOutputStream(bitmap.serializedSizeInBytes());
        try (var data = new DataOutputStream(out)) {
            bitmap.serialize(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static RoaringBitmap bitmap(byte[] bytes) {
        var bitmap = new RoaringBitmap();
        try {
            bitmap.deserialize(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bitmap;
    }
}
