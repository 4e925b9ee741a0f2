export { MENTORS, Oakfield, SCHOOL } from '../referral/testing/oakfield';
export { RecordedHistory } from './recorded-history';
