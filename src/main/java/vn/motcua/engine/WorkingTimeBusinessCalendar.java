package vn.motcua.engine;

import java.util.Date;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import vn.motcua.calendar.WorkingDuration;
import vn.motcua.calendar.WorkingTime;

/**
 * Camunda's "duration" and "dueDate" calendars, taught working time: a timer or a due date
 * written {@code 3WD}, {@code 0.5WD}, {@code 4WH} or {@code 90WM} counts office hours of working
 * days only (holidays and swapped Saturdays included); anything else (ISO-8601 durations and
 * dates) goes to Camunda's own calendar unchanged.
 */
class WorkingTimeBusinessCalendar implements BusinessCalendar {

    private final BusinessCalendar standard;
    private final WorkingTime time;

    WorkingTimeBusinessCalendar(BusinessCalendar standard, WorkingTime time) {
        this.standard = standard;
        this.time = time;
    }

    @Override
    public Date resolveDuedate(String description) {
        return resolveDuedate(description, (Date) null);
    }

    @Override
    public Date resolveDuedate(String description, Date startDate) {
        return WorkingDuration.parse(description)
                .map(d -> from(startDate, d))
                .orElseGet(() -> startDate == null ? standard.resolveDuedate(description) : standard.resolveDuedate(description, startDate));
    }

    @Override
    public Date resolveDuedate(String description, Task task) {
        return WorkingDuration.parse(description)
                .map(d -> from(task != null && task.getCreateTime() != null ? task.getCreateTime() : null, d))
                .orElseGet(() -> standard.resolveDuedate(description, task));
    }

    private Date from(Date start, WorkingDuration duration) {
        Date base = start != null ? start : ClockUtil.getCurrentTime();
        var from = base.toInstant().atZone(time.zone());
        return Date.from(time.plusWorkingMinutes(time.nextOpening(from), duration.minutes(time.minutesPerDay())).toInstant());
    }
}
