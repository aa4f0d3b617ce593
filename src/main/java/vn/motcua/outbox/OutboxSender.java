package vn.motcua.outbox;

/**
 * Delivers outbox messages of one channel to its peer. Delivery is at least once: a node that
 * dies after sending and before marking the message sent leaves it to be sent again, so a sender
 * gives the peer a key that is the same on every attempt ({@code Idempotency-Key: motcua-<id>} for
 * the portal and SMS, {@code motcua-shipment-<dossier code>} for the post office, which makes one
 * shipment per dossier) and the resend has one effect there. Mail has no such key: a citizen may
 * rarely get a notice twice.
 */
public interface OutboxSender {

    Channel channel();

    /** Whether the peer is configured; messages for an unconfigured peer are recorded as skipped. */
    boolean configured();

    /**
     * @return a short result to keep (a tracking number, the peer's id), or null
     * @throws Exception when the peer did not take the message: it is tried again later
     */
    String send(OutboxMessage message) throws Exception;
}
