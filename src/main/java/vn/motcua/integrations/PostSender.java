package vn.motcua.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.ResultDelivery;
import vn.motcua.outbox.Channel;
import vn.motcua.outbox.OutboxMessage;
import vn.motcua.outbox.OutboxSender;

/**
 * Creates the shipment of a result at the post office ({@code POST <url>/shipments}) and keeps
 * its tracking number. The dossier code is the idempotency key: a retry after a timeout gets the
 * same shipment, never a second one.
 */
@Component
class PostSender implements OutboxSender {

    private final IntegrationProperties.Peer post;
    private final ResultDelivery results;
    private final ObjectMapper json;

    PostSender(IntegrationProperties properties, @Lazy ResultDelivery results, ObjectMapper json) {
        this.post = properties.post();
        this.results = results;
        this.json = json;
    }

    @Override
    public Channel channel() {
        return Channel.POST;
    }

    @Override
    public boolean configured() {
        return post.configured();
    }

    @Override
    public String send(OutboxMessage message) throws Exception {
        String response = JsonHttp.post(JsonHttp.url(post.url(), "shipments"), post.apiKey(),
                "motcua-shipment-" + message.dossierCode(), message.payload());
        JsonNode tracking = json.readTree(response).get("trackingNumber");
        if (tracking == null || tracking.asText().isBlank()) {
            throw new IOException("The post office answered without a tracking number: " + response);
        }
        results.recordShipment(message.dossierCode(), tracking.asText());
        return tracking.asText();
    }
}
