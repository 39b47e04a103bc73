package fundexchange.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * The sealed-bid nonces of bids pruned with their listing (rules version 10, docs/rules.md "Bounded history"): an
 * {@code AuctionClosed} published them, so a bidder must never use one again (CONTRACTS.md 12), and the engine keeps
 * each as the first 8 bytes (big-endian) of the SHA-256 of {@code bidder + "\n" + nonce}, in a sorted primitive array:
 * 8 bytes a pruned sealed bid. Nonces are 256 random bits, so a collision (a fresh nonce refused as reused) does not
 * happen in practice and would tell nothing. Engine state: hashed and snapshotted with the history, only when non-empty.
 */
final class RetiredNonces {
    private long[] hashes = new long[0];
    private int size;

    /** Retires {@code bidder}'s {@code nonce}. */
    void add(String bidder, String nonce) {
        long hash = hash(bidder, nonce);
        int at = Arrays.binarySearch(hashes, 0, size, hash);
        if (at >= 0) {
            return;
        }
        int insert = -at - 1;
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, Math.max(8, 2 * size));
        }
        System.arraycopy(hashes, insert, hashes, insert + 1, size - insert);
        hashes[insert] = hash;
        size++;
    }

    /** Whether {@code bidder}'s {@code nonce} was retired. */
    boolean contains(String bidder, String nonce) {
        return size > 0 && Arrays.binarySearch(hashes, 0, size, hash(bidder, nonce)) >= 0;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The hashes in ascending order; null while empty, so snapshots and the state hash without any keep their bytes. */
    List<Long> viewOrNull() {
        return size == 0 ? null : Arrays.stream(hashes, 0, size).boxed().toList();
    }

    /** Replaces the set by {@code view} (null: empty). */
    void restore(List<Long> view) {
        hashes = view == null ? new long[0] : view.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        size = hashes.length;
    }

    static long hash(String bidder, String nonce) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest((bidder + "\n" + nonce).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long hash = 0;
        for (int i = 0; i < 8; i++) {
            hash = (hash << 8) | (digest[i] & 0xFF);
        }
        return hash;
    }
}
