package vn.motcua.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import vn.motcua.outbox.Channel;
import vn.motcua.outbox.OutboxMessage;
import vn.motcua.outbox.OutboxSender;

/** Sends e-mail notices to citizens through SMTP ({@code spring.mail.*}). */
@Component
class MailNoticeSender implements OutboxSender {

    private final ObjectProvider<JavaMailSender> mail;
    private final ObjectMapper json;
    private final String from;

    MailNoticeSender(ObjectProvider<JavaMailSender> mail, ObjectMapper json, @Value("${motcua.mail.from:motcua@localhost}") String from) {
        this.mail = mail;
        this.json = json;
        this.from = from;
    }

    @Override
    public Channel channel() {
        return Channel.MAIL;
    }

    @Override
    public boolean configured() {
        return mail.getIfAvailable() != null;
    }

    @Override
    public String send(OutboxMessage message) throws Exception {
        JsonNode notice = json.readTree(message.payload());
        SimpleMailMessage letter = new SimpleMailMessage();
        letter.setFrom(from);
        letter.setTo(notice.get("to").asText());
        letter.setSubject(notice.get("subject").asText());
        letter.setText(notice.get("text").asText());
        letter.setReplyTo(from);
        mail.getObject().send(letter);
        return null;
    }
}
