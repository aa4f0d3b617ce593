package vn.motcua.calendar;

import java.time.LocalDate;
import java.time.temporal.JulianFields;

/**
 * The Vietnamese lunar calendar (âm lịch), computed astronomically for UTC+7 after Hồ Ngọc Đức's
 * well-known algorithm: months start at the new moon, the 11th month holds the winter solstice,
 * and a leap month is the first without a major solar term. Computed for Vietnam's time zone, it
 * gives other dates than the Chinese calendar (UTC+8) in some years: Tết 1985, 2007 and 2030.
 */
public final class VietnameseLunarCalendar {

    /** Vietnam's time zone, in hours. */
    public static final double VIETNAM = 7.0;
    private static final double SYNODIC_MONTH = 29.530588853;
    private static final double EPOCH = 2415021.076998695;

    private VietnameseLunarCalendar() {
    }

    /** Mùng 1 Tết of the lunar year that begins in this solar year. */
    public static LocalDate tet(int year) {
        return toSolar(1, 1, year, false);
    }

    /** Giỗ Tổ Hùng Vương, the 10th day of the 3rd lunar month. */
    public static LocalDate hungKings(int year) {
        return toSolar(10, 3, year, false);
    }

    /** The solar date of a lunar date, in Vietnam's time zone. */
    public static LocalDate toSolar(int lunarDay, int lunarMonth, int lunarYear, boolean leapMonth) {
        long a11;
        long b11;
        if (lunarMonth < 11) {
            a11 = lunarMonth11(lunarYear - 1);
            b11 = lunarMonth11(lunarYear);
        } else {
            a11 = lunarMonth11(lunarYear);
            b11 = lunarMonth11(lunarYear + 1);
        }
        int k = (int) Math.floor(0.5 + (a11 - EPOCH) / SYNODIC_MONTH);
        int offset = lunarMonth - 11;
        if (offset < 0) offset += 12;
        if (b11 - a11 > 365) {
            int leapOffset = leapMonthOffset(a11);
            int leap = leapOffset - 2;
            if (leap < 0) leap += 12;
            if (leapMonth && lunarMonth != leap) {
                throw new IllegalArgumentException("Lunar year " + lunarYear + " has no leap month " + lunarMonth);
            }
            if (leapMonth || offset >= leapOffset) offset += 1;
        } else if (leapMonth) {
            throw new IllegalArgumentException("Lunar year " + lunarYear + " has no leap month");
        }
        long monthStart = newMoonDay(k + offset);
        return fromJulianDay(monthStart + lunarDay - 1);
    }

    static long julianDay(LocalDate date) {
        return date.getLong(JulianFields.JULIAN_DAY);
    }

    static LocalDate fromJulianDay(long jd) {
        return LocalDate.MIN.with(JulianFields.JULIAN_DAY, jd);
    }

    /** The Julian day (UT) of the k-th new moon after 1900-01-01. */
    private static double newMoon(int k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double dr = Math.PI / 180;
        double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
        jd1 += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
        double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        double c1 = (0.1734 - 0.000393 * t) * Math.sin(m * dr) + 0.0021 * Math.sin(2 * dr * m);
        c1 = c1 - 0.4068 * Math.sin(mpr * dr) + 0.0161 * Math.sin(dr * 2 * mpr);
        c1 = c1 - 0.0004 * Math.sin(dr * 3 * mpr);
        c1 = c1 + 0.0104 * Math.sin(dr * 2 * f) - 0.0051 * Math.sin(dr * (m + mpr));
        c1 = c1 - 0.0074 * Math.sin(dr * (m - mpr)) + 0.0004 * Math.sin(dr * (2 * f + m));
        c1 = c1 - 0.0004 * Math.sin(dr * (2 * f - m)) - 0.0006 * Math.sin(dr * (2 * f + mpr));
        c1 = c1 + 0.0010 * Math.sin(dr * (2 * f - mpr)) + 0.0005 * Math.sin(dr * (2 * mpr + m));
        double deltaT = t < -11
                ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
                : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return jd1 + c1 - deltaT;
    }

    /** The local day (Julian day number) of the k-th new moon in Vietnam. */
    private static long newMoonDay(int k) {
        return (long) Math.floor(newMoon(k) + 0.5 + VIETNAM / 24);
    }

    /** The sun's longitude at a Julian day (UT), in radians. */
    private static double sunLongitude(double jdn) {
        double t = (jdn - 2451545.0) / 36525;
        double t2 = t * t;
        double dr = Math.PI / 180;
        double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(dr * m);
        dl += (0.019993 - 0.000101 * t) * Math.sin(dr * 2 * m) + 0.000290 * Math.sin(dr * 3 * m);
        double l = (l0 + dl) * dr;
        return l - Math.PI * 2 * Math.floor(l / (Math.PI * 2));
    }

    /** The major solar term (0–11) in force at the start of a local day. */
    private static int solarTerm(long dayNumber) {
        return (int) Math.floor(sunLongitude(dayNumber - 0.5 - VIETNAM / 24) / Math.PI * 6);
    }

    /** The local day the 11th lunar month (holding the winter solstice) of a year begins. */
    private static long lunarMonth11(int year) {
        long off = julianDay(LocalDate.of(year, 12, 31)) - 2415021;
        int k = (int) Math.floor(off / SYNODIC_MONTH);
        long newMoon = newMoonDay(k);
        if (solarTerm(newMoon) >= 9) {
            newMoon = newMoonDay(k - 1);
        }
        return newMoon;
    }

    /** Which month after the 11th is the leap month of a 13-month lunar year. */
    private static int leapMonthOffset(long a11) {
        int k = (int) Math.floor((a11 - EPOCH) / SYNODIC_MONTH + 0.5);
        int last;
        int i = 1;
        int arc = solarTerm(newMoonDay(k + i));
        do {
            last = arc;
            i++;
            arc = solarTerm(newMoonDay(k + i));
        } while (arc != last && i < 14);
        return i - 1;
    }
}
