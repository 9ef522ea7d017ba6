package io.siyu.segment;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.RoaringBitmap;

/**
 * A number per customer kept as bit slices (O'Neil and Quass, "Improved query performance with variant
 * indexes"): slice i holds the customers whose value has bit i set, so a range comparison over millions of
 * customers is a few dozen bitmap operations. Values are stored relative to {@code base} and must not be
 * below it. RoaringBitmap's own {@code RangeBitmap} is immutable, and these values change with every order
 * and every event, hence this small mutable variant.
 */
final class BitSlicedIndex {

    private final long base;
    private final RoaringBitmap present = new RoaringBitmap();
    private final List<RoaringBitmap> slices = new ArrayList<>();

    BitSlicedIndex(long base) {
        this.base = base;
    }

    void set(int customer, long value) {
        remove(customer);
        long relative = value - base;
        if (relative < 0) {
            throw new IllegalArgumentException("value " + value + " below base " + base);
        }
        int bit = 0;
        while (relative != 0) {
            if (bit == slices.size()) {
                slices.add(new RoaringBitmap());
            }
            if ((relative & 1) != 0) {
                slices.get(bit).add(customer);
            }
            relative >>>= 1;
            bit++;
        }
        present.add(customer);
    }

    void remove(int customer) {
        if (present.checkedRemove(customer)) {
            slices.forEach(slice -> slice.remove(customer));
        }
    }

    /**
     * The customers with a value, limited to {@code within} when given: every comparison below starts from
     * this set, so one that follows narrower conditions works on their few customers, not on all.
     */
    RoaringBitmap present(@Nullable RoaringBitmap within) {
        return within == null ? present.clone() : RoaringBitmap.and(present, within);
    }

    RoaringBitmap eq(long value, @Nullable RoaringBitmap within) {
        return between(value, value, within);
    }

    /** Customers with {@code from <= value <= to}. */
    RoaringBitmap between(long from, long to, @Nullable RoaringBitmap within) {
        if (from > to) {
            return new RoaringBitmap();
        }
        return RoaringBitmap.and(atLeast(from, within), atMost(to, within));
    }

    RoaringBitmap atLeast(long value, @Nullable RoaringBitmap within) {
        long relative = value - base;
        if (relative <= 0) {
            return present(within);
        }
        if (Long.numberOfTrailingZeros(Long.highestOneBit(relative)) >= slices.size()) {
            return new RoaringBitmap();
        }
        var greater = new RoaringBitmap();
        var equal = present(within);
        for (int bit = slices.size() - 1; bit >= 0; bit--) {
            var slice = slices.get(bit);
            if ((relative >>> bit & 1) == 1) {
                equal.and(slice);
            } else {
                greater.or(RoaringBitmap.and(equal, slice));
                equal.andNot(slice);
            }
        }
        greater.or(equal);
        return greater;
    }

    RoaringBitmap atMost(long value, @Nullable RoaringBitmap within) {
        long relative = value - base;
        if (relative < 0) {
            return new RoaringBitmap();
        }
        if (relative != 0 && Long.numberOfTrailingZeros(Long.highestOneBit(relative)) >= slices.size()) {
            return present(within);
        }
        var less = new RoaringBitmap();
        var equal = present(within);
        for (int bit = slices.size() - 1; bit >= 0; bit--) {
            var slice = slices.get(bit);
            if ((relative >>> bit & 1) == 1) {
                less.or(RoaringBitmap.andNot(equal, slice));
                equal.and(slice);
            } else {
                equal.andNot(slice);
            }
        }
        less.or(equal);
        return less;
    }

    long sizeInBytes() {
        return present.getLongSizeInBytes()
                + slices.stream().mapToLong(RoaringBitmap::getLongSizeInBytes).sum();
    }
}
