/** Injection tokens for what has no class of its own. */
export const PLATFORM_RUNTIME = Symbol('PlatformRuntime');
export const CONFIG = Symbol('PlatformConfig');
export const EVENT_STORE = Symbol('EventStore');
export const CALENDAR = Symbol('WorkingDayCalendar');
export const CLOCK = Symbol('Clock');
export const SCHOOL_CALENDARS = Symbol('SchoolCalendars');
