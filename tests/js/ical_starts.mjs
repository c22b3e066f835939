// Reads an iCalendar file on stdin and prints each VEVENT's UID, SUMMARY and start in UTC as
// ical.js (the parser in Thunderbird) understands it, using the file's own VTIMEZONE.
import ICAL from "ical.js";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const root = new ICAL.Component(ICAL.parse(input));
for (const vtimezone of root.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
}
const events = root.getAllSubcomponents("vevent").map((vevent) => {
  const event = new ICAL.Event(vevent);
  return {
    uid: event.uid,
    summary: event.summary,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    status: vevent.getFirstPropertyValue("status"),
  };
});
process.stdout.write(JSON.stringify(events));
