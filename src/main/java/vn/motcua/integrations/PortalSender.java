package vn.motcua.integrations;

import org.springframework.stereotype.Component;
import vn.motcua.outbox.Channel;
import vn.motcua.outbox.OutboxMessage;
import vn.motcua.outbox.OutboxSender;

/** Sends dossier status changes to the national portal's sync service (DongBoHoSoMC). */
@Component
class PortalSender implements OutboxSender {

    private final IntegrationProperties.Peer portal;

    PortalSender(IntegrationProperties properties) {
        this.portal = properties.portal();
    }

    @Override
    public Channel channel() {
        return Channel.PORTAL;
    }

    @Override
    public boolean configured() {
        return portal.configured();
    }

    @Override
    public String send(OutboxMessage message) throws Exception {
        JsonHttp.post(JsonHttp.url(portal.url(), message.kind()), portal.apiKey(), "motcua-" + message.id(), message.payload());
        return null;
    }
}
