package org.wardnet.adapters.media;

import java.util.Arrays;

/**
 * Reads bits, most significant first, and Exp-Golomb codes from a NAL unit's payload (RBSP),
 * after emulation-prevention bytes have been removed ({@link #unescape}).
 *
 * <p>Reading past the end throws {@link MalformedBitstreamException}, so a truncated parameter
 * set is an error, never a wrong answer.
 */
final class BitReader {

    private final byte[] data;
    private int bit;

    BitReader(byte[] data) {
        this.data = data;
    }

    /** Removes the 0x03 of every 0x00 0x00 0x03 sequence (H.264 7.4.1 / H.265 7.4.2). */
    static byte[] unescape(byte[] nal) {
        byte[] out = new byte[nal.length];
        int n = 0;
        int zeros = 0;
        for (byte b : nal) {
            if (zeros >= 2 && b == 3) {
                zeros = 0;
                continue;
            }
            zeros = b == 0 ? zeros + 1 : 0;
            out[n++] = b;
        }
        return Arrays.copyOf(out, n);
    }

    int bits(int count) {
        if (count > 32) {
            throw new IllegalArgumentException("at most 32 bits at once");
        }
        long value = 0;
        for (int i = 0; i < count; i++) {
            value = (value << 1) | bit();
        }
        return (int) value;
    }

    boolean flag() {
        return bit() == 1;
    }

    void skip(int count) {
        for (int i = 0; i < count; i++) {
            bit();
        }
    }

    /** Unsigned Exp-Golomb, ue(v). */
    int ue() {
        int leadingZeros = 0;
        while (bit() == 0) {
            leadingZeros++;
            if (leadingZeros > 31) {
                throw new MalformedBitstreamException("Exp-Golomb code longer than 32 bits");
            }
        }
        return leadingZeros == 0 ? 0 : (int) ((1L << leadingZeros) - 1 + (bits(leadingZeros) & 0xFFFFFFFFL));
    }

    /** Signed Exp-Golomb, se(v). */
    int se() {
        int k = ue();
        return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
    }

    private int bit() {
        int index = bit >> 3;
        if (index >= data.length) {
            throw new MalformedBitstreamException("parameter set ends early, at bit " + bit);
        }
        int value = (data[index] >> (7 - (bit & 7))) & 1;
        bit++;
        return value;
    }
}
