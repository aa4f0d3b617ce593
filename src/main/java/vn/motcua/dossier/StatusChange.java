package vn.motcua.dossier;

import java.time.OffsetDateTime;

/** One status change of a dossier, with time and actor. */
public record StatusChange(DossierStatus status, String statusName, OffsetDateTime at, String actor, String note) {
}
