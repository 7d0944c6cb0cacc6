package com.osmosecollective.node.app.lifecycle;

/** Where a service is in its life. */
public enum ServiceState {
  NEW,
  STARTING,
  RUNNING,
  STOPPING,
  STOPPED,
  /** Its start failed, its stop failed or timed out, or it reported a failure while running. */
  FAILED
}
