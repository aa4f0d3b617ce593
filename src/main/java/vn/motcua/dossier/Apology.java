package vn.motcua.dossier;

import java.time.OffsetDateTime;

/** The apology with a new return date (Mẫu 04); a dossier gets at most one. */
public record Apology(String reason, OffsetDateTime previousAppointmentAt, OffsetDateTime newAppointmentAt,
                      OffsetDateTime issuedAt, String issuedBy) {
}
