package vn.motcua.catalog;

import java.time.LocalDate;

/**
 * What a fee depends on besides the procedure: the copies of the result asked for, the pages of
 * the paper to certify, an exemption claimed, the day of the civil-status event (a birth, a death)
 * for fees due only when registration is late, the day of filing and whether it was filed online.
 *
 * @param copies     copies of the result (at least 1)
 * @param pages      pages of the paper, or null when no fee counts pages
 * @param exemption  the exemption claimed, or null
 * @param eventDate  the day of the event, or null when no fee depends on it
 * @param filedOn    the day the dossier is filed
 * @param online     whether it was filed online
 */
public record FeeRequest(int copies, Integer pages, FeeExemption exemption, LocalDate eventDate, LocalDate filedOn, boolean online) {

    /** One copy, nothing else: what a procedure costs in the plain case (for the catalog listing). */
    public static FeeRequest plain(LocalDate filedOn) {
        return new FeeRequest(1, null, null, null, filedOn, false);
    }
}
