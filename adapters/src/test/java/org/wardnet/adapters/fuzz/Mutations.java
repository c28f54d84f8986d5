package org.wardnet.adapters.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Inputs for fuzzing a parser: a captured real message (the seed) changed by a few random edits
 * of the kinds broken devices and hostile peers produce — a byte flipped, a run deleted, doubled
 * or cut off, random bytes or one of the protocol's own tokens inserted, a line repeated, a number
 * made huge or negative. Starting from real traffic keeps most inputs close to what a parser sees,
 * so the edits reach its deep paths rather than failing at the first byte.
 */
public final class Mutations {

    /** Tokens that parsers of text protocols treat specially. */
    private static final List<String> TOKENS = List.of("\r\n", "\r\n\r\n", "\n", "\r", ":", ";", "=", "/", " ",
            "\t", "$", "\0", "Content-Length: ", "Content-Length: -1\r\n", "Content-Length: 99999999999\r\n",
            "m=video 0 RTP/AVP 96\r\n", "a=rtpmap:96 H264/90000\r\n", "a=fmtp:96 sprop-parameter-sets=",
            "a=control:", "RTSP/1.0 ", "2147483648", "-2147483649", "%", "\u00ff\u00fe", "<", ">", "&", "\"");

    /** The most bytes one edit adds; size limits of their own are tested by the parsers' regular tests. */
    private static final int MAX_GROWTH = 256 * 1024;

    private Mutations() {
    }

    /** One of {@code seeds}, edited 0 to {@code maxEdits} times. */
    public static Arbitrary<byte[]> of(List<byte[]> seeds, int maxEdits) {
        Arbitrary<byte[]> seed = Arbitraries.of(seeds);
        Arbitrary<List<Edit>> edits = edit().list().ofMaxSize(maxEdits);
        return Combinators.combine(seed, edits).as((s, e) -> {
            byte[] out = s;
            for (Edit edit : e) {
                out = edit.apply(out);
            }
            return out;
        });
    }

    private static Arbitrary<Edit> edit() {
        Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
        Arbitrary<Integer> length = Arbitraries.integers().between(1, 64);
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(32);
        Arbitrary<byte[]> token = Arbitraries.of(TOKENS).map(t -> t.getBytes(StandardCharsets.ISO_8859_1));
        return Arbitraries.oneOf(
                Combinators.combine(at, Arbitraries.integers().between(0, 7)).as(Mutations::flip),
                Combinators.combine(at, length).as(Mutations::delete),
                Combinators.combine(at, length).as(Mutations::duplicate),
                at.map(Mutations::truncate),
                Combinators.combine(at, noise).as(Mutations::insert),
                Combinators.combine(at, token).as(Mutations::insert),
                Combinators.combine(at, Arbitraries.integers().between(2, 200)).as(Mutations::repeatLine),
                Combinators.combine(at, Arbitraries.of("0", "-1", "4294967296", "99999999999999999999", "1e9", ""))
                        .as(Mutations::replaceNumber));
    }

    /** One edit of an input. */
    interface Edit {
        byte[] apply(byte[] in);
    }

    private static int position(byte[] in, double at) {
        return (int) Math.min(in.length, Math.floor(at * (in.length + 1)));
    }

    private static Edit flip(double at, int bit) {
        return in -> {
            if (in.length == 0) {
                return in;
            }
            byte[] out = in.clone();
            int i = Math.min(in.length - 1, position(in, at));
            out[i] ^= (byte) (1 << bit);
            return out;
        };
    }

    private static Edit delete(double at, int length) {
        return in -> {
            int from = position(in, at);
            int to = Math.min(in.length, from + length);
            return concat(Arrays.copyOfRange(in, 0, from), Arrays.copyOfRange(in, to, in.length));
        };
    }

    private static Edit duplicate(double at, int length) {
        return in -> {
            int from = position(in, at);
            int to = Math.min(in.length, from + length);
            return concat(Arrays.copyOfRange(in, 0, to), Arrays.copyOfRange(in, from, in.length));
        };
    }

    private static Edit truncate(double at) {
        return in -> Arrays.copyOfRange(in, 0, position(in, at));
    }

    private static Edit insert(double at, byte[] bytes) {
        return in -> {
            int i = position(in, at);
            return concat(concat(Arrays.copyOfRange(in, 0, i), bytes), Arrays.copyOfRange(in, i, in.length));
        };
    }

    /** The line around {@code at} repeated {@code times} times: a header or attribute sent again and again. */
    private static Edit repeatLine(double at, int times) {
        return in -> {
            int i = position(in, at);
            int start = i;
            while (start > 0 && in[start - 1] != '\n') {
                start--;
            }
            int end = i;
            while (end < in.length && in[end] != '\n') {
                end++;
            }
            end = Math.min(in.length, end + 1);
            byte[] line = Arrays.copyOfRange(in, start, end);
            byte[] out = Arrays.copyOfRange(in, 0, end);
            // bounded: repeats of repeats would otherwise reach gigabytes, a test of the heap, not the parser
            int bounded = Math.min(times, MAX_GROWTH / Math.max(1, line.length));
            for (int k = 0; k < bounded; k++) {
                out = concat(out, line);
            }
            return concat(out, Arrays.copyOfRange(in, end, in.length));
        };
    }

    /** The run of digits at or after {@code at} replaced by {@code number}. */
    private static Edit replaceNumber(double at, String number) {
        return in -> {
            int i = position(in, at);
            while (i < in.length && !Character.isDigit(in[i])) {
                i++;
            }
            if (i == in.length) {
                return in;
            }
            int end = i;
            while (end < in.length && Character.isDigit(in[end])) {
                end++;
            }
            return concat(concat(Arrays.copyOfRange(in, 0, i), number.getBytes(StandardCharsets.US_ASCII)),
                    Arrays.copyOfRange(in, end, in.length));
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
