package dev.lotussaga.workflows;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Runs the order saga worker: the OrderWorkflow and the activity that publishes order events. */
@SpringBootApplication
public class WorkflowsApplication {

  public static void main(String[] args) {
    SpringApplication.run(WorkflowsApplication.class, args);
  }
}
