package vn.motcua.catalog;

/** The unit of a statutory time limit (domain.md §4). */
public enum LimitUnit {
    /** Ngày làm việc. */
    WORKING_DAYS,
    /** Giờ làm việc. */
    WORKING_HOURS,
    /** Trong ngày: received after the 15:00 cut-off, the result is due the next working day. */
    SAME_DAY
}
