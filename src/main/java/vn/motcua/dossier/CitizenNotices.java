package vn.motcua.dossier;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import vn.motcua.common.Formats;
import vn.motcua.outbox.Channel;
import vn.motcua.outbox.Outbox;

/**
 * Notices to the citizen by e-mail (when an address is known) and SMS, at acceptance, supplement
 * request, apology, result ready and delivery. The texts are configuration
 * ({@code motcua.notices.templates.<EVENT>.subject|text|sms}) with placeholders {ten}, {ma},
 * {thuTuc}, {ngayHen}, {maTraCuu}, {noiDung}, {traCuu}. They go through the outbox: a mail server
 * or SMS gateway that is down delays a notice, never an official's work.
 */
@Component
class CitizenNotices {

    enum Event { ACCEPTED, SUPPLEMENT, APOLOGY, RESULT_READY, DELIVERED, WITHDRAWN, STOPPED }

    private final Outbox outbox;
    private final NoticeProperties properties;

    CitizenNotices(Outbox outbox, NoticeProperties properties) {
        this.outbox = outbox;
        this.properties = properties;
    }

    String publicUrl() {
        return properties.publicUrl();
    }

    void send(Dossier d, String procedureName, Event event, String content) {
        NoticeProperties.Template template = properties.templates().get(event.name());
        if (template == null) return;
        Map<String, String> values = new LinkedHashMap<>();
        values.put("ten", d.applicant().fullName());
        values.put("ma", d.code());
        values.put("thuTuc", procedureName);
        values.put("ngayHen", d.appointmentAt() == null ? "" : Formats.dateTime(d.appointmentAt()));
        values.put("maTraCuu", d.lookupSecret() == null ? "" : d.lookupSecret());
        values.put("noiDung", content == null ? "" : content);
        values.put("traCuu", properties.publicUrl() + "/api/public/dossiers/" + d.code() + "?secret=" + d.lookupSecret());
        if (d.applicant().email() != null && template.subject() != null) {
            outbox.enqueue(d.code(), Channel.MAIL, "NOTICE_" + event, Map.of(
                    "to", d.applicant().email(), "subject", fill(template.subject(), values), "text", fill(template.text(), values)));
        }
        if (template.sms() != null) {
            outbox.enqueue(d.code(), Channel.SMS, "NOTICE_" + event, Map.of("to", d.applicant().phone(), "text", fill(template.sms(), values)));
        }
    }

    static String fill(String template, Map<String, String> values) {
        String text = template == null ? "" : template;
        for (Map.Entry<String, String> v : values.entrySet()) {
            text = text.replace("{" + v.getKey() + "}", v.getValue());
        }
        return text;
    }

    @ConfigurationProperties(prefix = "motcua.notices")
    record NoticeProperties(String publicUrl, Map<String, Template> templates) {
        NoticeProperties {
            if (publicUrl == null || publicUrl.isBlank()) publicUrl = "http://localhost:8080";
            if (templates == null) templates = Map.of();
        }

        record Template(String subject, String text, String sms) {
        }
    }
}
