package vn.motcua.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import vn.motcua.dossier.Agency;
import vn.motcua.dossier.AgencyPart;
import vn.motcua.dossier.AgencyParts;
import vn.motcua.outbox.Channel;
import vn.motcua.outbox.OutboxMessage;
import vn.motcua.outbox.OutboxSender;

/**
 * Sends an inter-agency part to the agency's system ({@code POST <url>/lien-thong}): the police's
 * for residence, the social insurance agency's for health insurance cards and benefits. The key
 * {@code motcua-lienthong-<dossier code>-<part>} is the same on every attempt, so a part resent
 * after a timeout is one request there. The agency answers later with an event
 * ({@code POST /api/integrations/agencies/events}); its 2xx only says it took the part.
 */
class AgencySender implements OutboxSender {

    private final Agency agency;
    private final IntegrationProperties.Peer peer;
    private final AgencyParts parts;
    private final ObjectMapper json;

    AgencySender(Agency agency, IntegrationProperties.Peer peer, AgencyParts parts, ObjectMapper json) {
        this.agency = agency;
        this.peer = peer;
        this.parts = parts;
        this.json = json;
    }

    @Override
    public Channel channel() {
        return agency.channel();
    }

    @Override
    public boolean configured() {
        return peer.configured();
    }

    @Override
    public String send(OutboxMessage message) throws Exception {
        AgencyPart part = AgencyPart.valueOf(json.readTree(message.payload()).path("part").asText());
        String response = JsonHttp.post(JsonHttp.url(peer.url(), "lien-thong"), peer.apiKey(),
                "motcua-lienthong-" + message.dossierCode() + "-" + part.name(), message.payload());
        String reference = null;
        if (response != null && !response.isBlank()) {
            try {
                JsonNode answer = json.readTree(response);
                JsonNode ref = answer == null ? null : answer.get("reference");
                if (ref != null && ref.isValueNode() && !ref.asText().isBlank()) {
                    reference = ref.asText().length() > 128 ? ref.asText().substring(0, 128) : ref.asText();
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                // the agency took the part; its answer carries no reference we can read
            }
        }
        parts.markDelivered(message.dossierCode(), part, reference);
        return reference == null ? "accepted" : reference;
    }

    /** One sender per agency, each with its own address and key. */
    @Configuration(proxyBeanMethods = false)
    static class Senders {

        @Bean
        OutboxSender policeSender(IntegrationProperties properties, @Lazy AgencyParts parts, ObjectMapper json) {
            return new AgencySender(Agency.CONG_AN, properties.police(), parts, json);
        }

        @Bean
        OutboxSender socialInsuranceSender(IntegrationProperties properties, @Lazy AgencyParts parts, ObjectMapper json) {
            return new AgencySender(Agency.BHXH, properties.socialInsurance(), parts, json);
        }

        @Bean
        OutboxSender taxSender(IntegrationProperties properties, @Lazy AgencyParts parts, ObjectMapper json) {
            return new AgencySender(Agency.THUE, properties.tax(), parts, json);
        }
    }
}
