package dev.lotussaga.delivery.booking;

import static dev.lotussaga.web.auth.InternalTokens.asStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.lotussaga.contracts.delivery.BookCourier;
import dev.lotussaga.contracts.delivery.CourierBooking;
import dev.lotussaga.contracts.delivery.CourierBooking.Status;
import dev.lotussaga.contracts.delivery.ReleaseCourier;
import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.OrderWorkflowIds;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Booking couriers against the real database, and staff acceptance through the internal API. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CourierBookerTest {

  static final String AUDIENCE = "lotus-delivery";

  private static final int AUTOMATIC = 1;
  private static final int MANUAL = 3;

  @Autowired DeliveryActivitiesImpl activities;
  @Autowired MockMvc http;
  @Autowired JdbcTemplate jdbc;

  @Test
  void bookingTheSameOrderTwiceKeepsOneCourierSlot() {
    BookCourier order = order(AUTOMATIC);

    CourierBooking first = activities.bookCourier(order);
    CourierBooking again = activities.bookCourier(order);

    assertThat(first.status()).isEqualTo(Status.BOOKED);
    assertThat(first.slotStart()).isAfter(Instant.now());
    assertThat(again).isEqualTo(first);
    assertThat(bookingsOf(order)).isEqualTo(1);
  }

  @Test
  void aProductThatNeedsAcceptanceWaitsForStaffThenGetsACourier() throws Exception {
    BookCourier order = order(MANUAL);

    assertThat(activities.bookCourier(order).status()).isEqualTo(Status.AWAITING_ACCEPTANCE);
    assertThat(activities.bookCourier(order).status()).isEqualTo(Status.AWAITING_ACCEPTANCE);
    assertThat(bookingsOf(order)).isZero();

    http.perform(post("/internal/acceptances/{id}", order.orderId()).with(asStaff(AUDIENCE)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.orderId").value(order.orderId()));

    assertThat(acceptanceSignalsTo(order)).isEqualTo(1);
    assertThat(activities.bookCourier(order).status()).isEqualTo(Status.BOOKED);
  }

  @Test
  void acceptingAnOrderThatNeverWaitedIsAConflictAndAnAcceptedOneIsAcceptedOnce() throws Exception {
    BookCourier automatic = order(AUTOMATIC);
    activities.bookCourier(automatic);
    BookCourier manual = order(MANUAL);
    activities.bookCourier(manual);
    http.perform(post("/internal/acceptances/{id}", manual.orderId()).with(asStaff(AUDIENCE)))
        .andExpect(status().isOk());

    for (String orderId : List.of(automatic.orderId(), "no-such-order")) {
      http.perform(post("/internal/acceptances/{id}", orderId).with(asStaff(AUDIENCE)))
          .andExpect(status().isConflict())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    http.perform(post("/internal/acceptances/{id}", manual.orderId()).with(asStaff(AUDIENCE)))
        .andExpect(status().isOk())
        .andExpect(header().string("Idempotent-Replayed", "true"));
    assertThat(acceptanceSignalsTo(manual)).as("accepted once, signalled once").isEqualTo(1);
  }

  @Test
  void concurrentBookingsNeverShareACourierSlot() throws Exception {
    List<Callable<CourierBooking>> bookings =
        IntStream.range(0, 12)
            .<Callable<CourierBooking>>mapToObj(i -> () -> activities.bookCourier(order(AUTOMATIC)))
            .toList();

    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<CourierBooking> booked;
    try {
      booked = pool.invokeAll(bookings).stream().map(CourierBookerTest::get).toList();
    } finally {
      pool.shutdown();
    }

    assertThat(booked).allMatch(CourierBooking::hasCourier);
    assertThat(booked.stream().map(b -> b.courierId() + "@" + b.slotStart()).distinct())
        .hasSize(booked.size());
  }

  @Test
  void anUnknownProductFailsWithoutRetries() {
    assertThatThrownBy(() -> activities.bookCourier(order(424242)))
        .isInstanceOf(ApplicationFailure.class)
        .matches(e -> ((ApplicationFailure) e).isNonRetryable());
  }

  @Test
  void releasingFreesTheSlotWithdrawsAcceptanceAndBarsTheOrder() throws Exception {
    BookCourier booked = order(AUTOMATIC);
    activities.bookCourier(booked);
    BookCourier awaiting = order(MANUAL);
    activities.bookCourier(awaiting);

    activities.releaseCourier(new ReleaseCourier(booked.orderId()));
    activities.releaseCourier(new ReleaseCourier(booked.orderId()));
    activities.releaseCourier(new ReleaseCourier(awaiting.orderId()));

    assertThat(bookingsOf(booked)).isZero();
    http.perform(post("/internal/acceptances/{id}", awaiting.orderId()).with(asStaff(AUDIENCE)))
        .andExpect(status().isConflict());
    assertThatThrownBy(() -> activities.bookCourier(booked))
        .isInstanceOf(ApplicationFailure.class)
        .matches(e -> ((ApplicationFailure) e).isNonRetryable());
  }

  private static BookCourier order(int productId) {
    return new BookCourier(UUID.randomUUID().toString(), productId);
  }

  private int bookingsOf(BookCourier order) {
    return jdbc.queryForObject(
        "select count(*) from courier_booking where order_id = ?", Integer.class, order.orderId());
  }

  private int acceptanceSignalsTo(BookCourier order) {
    return jdbc.queryForObject(
        "select count(*) from signal_outbox where workflow_id = ? and signal_name = ?",
        Integer.class,
        OrderWorkflowIds.workflowId(order.orderId()),
        OrderWorkflow.SIGNAL_DELIVERY_ACCEPTED);
  }

  private static <T> T get(Future<T> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
