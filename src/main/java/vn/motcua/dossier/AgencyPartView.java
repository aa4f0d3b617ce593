package vn.motcua.dossier;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One agency's part of an inter-agency bundle, as the dossier lists it.
 *
 * @param state       WAITING, DONE or REFUSED
 * @param connected   sent to the agency's system through the outbox; false when the one-stop carried it
 * @param deliveredAt when the agency's system took it (connected parts)
 * @param detail      the agency's note; the reason of a refusal
 * @param timeliness  the answer (or now, while waiting) against the part's own deadline in the bundle
 */
public record AgencyPartView(String part, String partName, String agency, String agencyName, String state,
                             String stateName, boolean connected, OffsetDateTime sentAt, OffsetDateTime dueAt,
                             OffsetDateTime deliveredAt, String peerReference, OffsetDateTime answeredAt,
                             String resultNumber, LocalDate resultDate, String detail, String recordedBy,
                             Timeliness timeliness) {

    /** One line for documents: "Công an xã – Đăng ký thường trú: đã giải quyết, số …". */
    public String summary() {
        StringBuilder text = new StringBuilder(agencyName).append(" – ").append(partName).append(": ");
        switch (state) {
            case AgencyParts.DONE -> {
                text.append("đã giải quyết, số ").append(resultNumber);
                if (resultDate != null) text.append(" ngày ").append(resultDate.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
                if (detail != null && !detail.isBlank()) text.append(" (").append(detail.strip()).append(")");
            }
            case AgencyParts.REFUSED -> text.append("từ chối giải quyết. Lý do: ").append(detail == null ? "" : detail.strip());
            default -> text.append("đang chờ kết quả");
        }
        return text.toString();
    }
}
