-- Whether the telephony adapter routed the call in degraded mode (its replica, core or Kafka down): the screen-pop shows it.
alter table call_record add column routed_degraded boolean;
