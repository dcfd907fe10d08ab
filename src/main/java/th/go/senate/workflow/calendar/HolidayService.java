package th.go.senate.workflow.calendar;

import java.time.LocalDate;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import th.go.senate.workflow.web.BadRequestException;
import th.go.senate.workflow.web.InputRules;
import th.go.senate.workflow.web.NotFoundException;

/** Adds and removes holidays; every change re-plans the open deadlines in the same transaction. */
@Service
public class HolidayService {

  private final HolidayRepository repository;
  private final ApplicationEventPublisher events;

  public HolidayService(HolidayRepository repository, ApplicationEventPublisher events) {
    this.repository = repository;
    this.events = events;
  }

  public List<Holiday> list(Integer year) {
    return year == null ? repository.findAll() : repository.findByYear(year);
  }

  @Transactional
  public Holiday add(Holiday holiday) {
    if (holiday.date() == null) {
      throw new BadRequestException("ต้องระบุวันที่ของวันหยุด");
    }
    if (holiday.nameTh() == null || holiday.nameTh().isBlank()) {
      throw new BadRequestException("ต้องระบุชื่อวันหยุดภาษาไทย");
    }
    if (holiday.nameTh().length() > 500 || (holiday.nameEn() != null && holiday.nameEn().length() > 500)) {
      throw new BadRequestException("ชื่อวันหยุดยาวเกิน 500 ตัวอักษร");
    }
    InputRules.requireText("nameTh", holiday.nameTh());
    InputRules.requireText("nameEn", holiday.nameEn());
    switch (holiday.date().getDayOfWeek()) {
      case SATURDAY, SUNDAY -> throw new BadRequestException("วันที่ " + ThaiDates.date(holiday.date())
          + " เป็นวันเสาร์หรืออาทิตย์ซึ่งเป็นวันหยุดอยู่แล้ว");
      default -> { }
    }
    if (repository.find(holiday.date()).isPresent()) {
      throw new BadRequestException("วันที่ " + ThaiDates.date(holiday.date()) + " เป็นวันหยุดอยู่แล้ว ไม่ได้บันทึกซ้ำ");
    }
    Holiday saved = new Holiday(holiday.date(), holiday.nameTh().strip(),
        holiday.nameEn() == null ? null : holiday.nameEn().strip());
    repository.insert(saved);
    events.publishEvent(new CalendarChangedEvent("holiday added " + holiday.date()));
    return saved;
  }

  @Transactional
  public void remove(LocalDate date) {
    if (!repository.delete(date)) {
      throw new NotFoundException("วันที่ " + ThaiDates.date(date) + " ไม่ใช่วันหยุดในปฏิทิน");
    }
    events.publishEvent(new CalendarChangedEvent("holiday removed " + date));
  }
}
