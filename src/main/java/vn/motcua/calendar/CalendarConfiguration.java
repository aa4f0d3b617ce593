package vn.motcua.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import vn.motcua.MotcuaProperties;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

    /**
     * The shipped years ({@code holidays/*.yaml} in the build), overridden year by year by the
     * files in {@code motcua.calendar.directory}: an admin adds a year without a release.
     */
    @Bean
    HolidayCalendar holidayCalendar(CalendarProperties properties) throws IOException {
        Map<Integer, YearCalendar> years = new TreeMap<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:holidays/*.yaml")) {
            try (InputStream in = r.getInputStream()) {
                YearCalendar year = YearCalendarFile.read(in, "holidays/" + r.getFilename());
                years.put(year.year(), year);
            }
        }
        if (properties.directory() != null && !properties.directory().isBlank()) {
            Path dir = Path.of(properties.directory());
            if (Files.isDirectory(dir)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.yaml")) {
                    for (Path file : files) {
                        try (InputStream in = Files.newInputStream(file)) {
                            YearCalendar year = YearCalendarFile.read(in, file.toString());
                            years.put(year.year(), year);
                        }
                    }
                }
            } else {
                log.warn("Calendar directory {} does not exist; using the shipped years only", dir.toAbsolutePath());
            }
        }
        log.info("Working-day calendar: years {} from files, other years computed", years.keySet());
        return new HolidayCalendar(properties.workingWeekdays(), years,
                new HolidayRules(properties.tetDaysBefore(), properties.tetDaysAfter()));
    }

    @Bean
    WorkingTime workingTime(HolidayCalendar days, CalendarProperties properties, MotcuaProperties motcua) {
        return new WorkingTime(days, OfficeHours.parse(properties.officeHours()), properties.sameDayCutoff(), motcua.zone());
    }
}
