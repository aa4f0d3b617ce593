package vn.motcua.integrations;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The peers' addresses and keys ({@code motcua.integrations.*}). An empty URL means no peer: the
 * service then runs the manual path (the clerk records the tracking number, the result is
 * downloaded at the counter, nothing is sent to the portal, the one-stop records the police's and
 * the social insurance agency's results of an inter-agency bundle).
 */
@ConfigurationProperties(prefix = "motcua.integrations")
public record IntegrationProperties(Peer portal, Peer post, Peer sms, Payment payment, Peer police, Peer socialInsurance,
                                    Peer tax) {

    public IntegrationProperties {
        if (tax == null) tax = new Peer(null, null);
        if (police == null) police = new Peer(null, null);
        if (socialInsurance == null) socialInsurance = new Peer(null, null);
        if (portal == null) portal = new Peer(null, null);
        if (post == null) post = new Peer(null, null);
        if (sms == null) sms = new Peer(null, null);
        if (payment == null) payment = new Payment(null);
    }

    public record Peer(String url, String apiKey) {
        public boolean configured() {
            return url != null && !url.isBlank();
        }
    }

    /** @param secret the shared secret of the payment gateway's callback signature (HMAC-SHA256) */
    public record Payment(String secret) {
    }
}
