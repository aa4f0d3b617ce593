package vn.motcua.integrations;

import org.springframework.stereotype.Component;
import vn.motcua.outbox.Channel;
import vn.motcua.outbox.OutboxMessage;
import vn.motcua.outbox.OutboxSender;

/** Sends SMS notices through the SMS gateway ({@code POST <url>/messages {"to", "text"}}). */
@Component
class SmsSender implements OutboxSender {

    private final IntegrationProperties.Peer sms;

    SmsSender(IntegrationProperties properties) {
        this.sms = properties.sms();
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean configured() {
        return sms.configured();
    }

    @Override
    public String send(OutboxMessage message) throws Exception {
        JsonHttp.post(JsonHttp.url(sms.url(), "messages"), sms.apiKey(), "motcua-" + message.id(), message.payload());
        return null;
    }
}
