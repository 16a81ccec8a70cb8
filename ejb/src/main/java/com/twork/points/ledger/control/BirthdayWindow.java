package com.twork.points.ledger.control;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;

/**
 * Whether today is within ± {@code windowDays} of a birthday, across year ends (a 30 December birthday is near
 * 2 January) and for 29 February (observed on 28 February in other years).
 */
public final class BirthdayWindow {
    private BirthdayWindow() {}

    public static boolean contains(LocalDate birthday, LocalDate today, int windowDays) {
        MonthDay day = MonthDay.from(birthday);
        for (int year = today.getYear() - 1; year <= today.getYear() + 1; year++) {
            LocalDate occurrence = day.atYear(year);
            if (Math.abs(ChronoUnit.DAYS.between(today, occurrence)) <= windowDays) {
                return true;
            }
        }
        return false;
    }
}
