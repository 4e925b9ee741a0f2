export { eventually } from './eventually';
export { describeWithKafka, readTopic, testKafka } from './kafka-test-broker';
export { sampleDomainEvents } from './recorded-event';
