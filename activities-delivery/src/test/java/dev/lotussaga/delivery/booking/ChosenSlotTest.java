package dev.lotussaga.delivery.booking;

import static dev.lotussaga.web.auth.InternalTokens.bearer;
import static dev.lotussaga.web.auth.InternalTokens.buyer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lotussaga.contracts.delivery.BookCourier;
import dev.lotussaga.contracts.delivery.CourierBooking;
import dev.lotussaga.contracts.delivery.CourierBooking.Status;
import dev.lotussaga.contracts.delivery.DeliverySlots;
import dev.lotussaga.contracts.delivery.ReleaseCourier;
import dev.lotussaga.contracts.order.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Slots the buyer chooses, booked against the real database, and the listing of free ones. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ChosenSlotTest {

  private static final int AUTOMATIC = 1;
  private static final int MANUAL = 3;

  @Autowired DeliveryActivitiesImpl activities;
  @Autowired MockMvc http;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  @Test
  void theChosenSlotIsBookedOnceHoweverOftenTheBookingRuns() {
    Instant slot = emptySlot(Duration.ofDays(12));
    BookCourier order = order(AUTOMATIC, slot);

    CourierBooking first = activities.bookCourier(order);
    CourierBooking again = activities.bookCourier(order);

    assertThat(first.status()).isEqualTo(Status.BOOKED);
    assertThat(first.slotStart()).isEqualTo(slot);
    assertThat(again).isEqualTo(first);
    assertThat(bookingsIn(slot)).isEqualTo(1);
  }

  @Test
  void aFullSlotIsTakenUntilACancellationFreesACourierInIt() {
    Instant slot = emptySlot(Duration.ofDays(13));
    List<BookCourier> booked = new ArrayList<>();
    for (int i = 0; i < couriers(); i++) {
      BookCourier order = order(AUTOMATIC, slot);
      assertThat(activities.bookCourier(order).slotStart()).isEqualTo(slot);
      booked.add(order);
    }
    BookCourier late = order(AUTOMATIC, slot);

    assertThat(activities.bookCourier(late).status()).isEqualTo(Status.SLOT_TAKEN);
    activities.releaseCourier(new ReleaseCourier(booked.get(3).orderId()));
    CourierBooking freed = activities.bookCourier(late);

    assertThat(freed.status()).isEqualTo(Status.BOOKED);
    assertThat(freed.slotStart()).isEqualTo(slot);
    assertThat(bookingsIn(slot)).isEqualTo(couriers());
  }

  @Test
  void aSlotThatHasBegunIsPassedAndOneOffTheHourIsRefusedForGood() {
    Instant thisHour = DeliverySlots.firstBookable(Instant.now()).minus(DeliverySlots.LENGTH);

    assertThat(activities.bookCourier(order(AUTOMATIC, thisHour)).status())
        .isEqualTo(Status.SLOT_PASSED);
    assertThatThrownBy(
            () ->
                activities.bookCourier(
                    order(AUTOMATIC, emptySlot(Duration.ofDays(5)).plusSeconds(1800))))
        .isInstanceOf(ApplicationFailure.class)
        .matches(e -> ((ApplicationFailure) e).isNonRetryable())
        .matches(e -> FailureTypes.NOT_A_SLOT.equals(((ApplicationFailure) e).getType()));
  }

  @Test
  void aProductThatNeedsAcceptanceWaitsForStaffBeforeItsChosenSlotIsBooked() {
    BookCourier order = order(MANUAL, emptySlot(Duration.ofDays(6)));

    assertThat(activities.bookCourier(order).status()).isEqualTo(Status.AWAITING_ACCEPTANCE);
    assertThat(bookingsIn(order.slot())).isZero();
  }

  @Test
  void buyersRacingForOneSlotGetOneCourierEachAndTheRestAreTold() throws Exception {
    Instant slot = emptySlot(Duration.ofDays(14));
    int buyers = couriers() + 4;

    List<CourierBooking> outcomes =
        concurrently(IntStream.range(0, buyers).mapToObj(i -> order(AUTOMATIC, slot)).toList());

    List<CourierBooking> booked = outcomes.stream().filter(CourierBooking::hasCourier).toList();
    assertThat(booked).hasSize(couriers()).allMatch(b -> b.slotStart().equals(slot));
    assertThat(booked.stream().map(CourierBooking::courierId).distinct()).hasSize(couriers());
    assertThat(outcomes.stream().filter(b -> b.status() == Status.SLOT_TAKEN)).hasSize(4);
  }

  @Test
  void theEarliestBookingSkipsAnHourBuyersTookAtEveryCourier() throws Exception {
    Instant earliest = earliestPointer();
    for (int i = bookingsIn(earliest); i < couriers(); i++) {
      assertThat(activities.bookCourier(order(AUTOMATIC, earliest)).hasCourier()).isTrue();
    }

    List<CourierBooking> next =
        concurrently(IntStream.range(0, 6).mapToObj(i -> order(AUTOMATIC, null)).toList());

    assertThat(next).allMatch(CourierBooking::hasCourier);
    assertThat(next).noneMatch(b -> b.slotStart().equals(earliest));
    assertThat(next.stream().map(b -> b.courierId() + "@" + b.slotStart()).distinct()).hasSize(6);
  }

  @Test
  void theListingShowsHourlySlotsWithFreeCouriersAndLeavesOutFullOnes() throws Exception {
    Instant full = emptySlot(Duration.ofHours(30));
    for (int i = 0; i < couriers(); i++) {
      activities.bookCourier(order(AUTOMATIC, full));
    }
    Instant oneLeft = full.plus(DeliverySlots.LENGTH);
    jdbc.update("delete from courier_booking where slot_start = ?", Timestamp.from(oneLeft));
    for (int i = 1; i < couriers(); i++) {
      activities.bookCourier(order(AUTOMATIC, oneLeft));
    }

    String body =
        http.perform(
                get("/internal/slots")
                    .param("productId", String.valueOf(MANUAL))
                    .param("days", "2")
                    .header(HttpHeaders.AUTHORIZATION, bearer(buyer("lotus-delivery", 7))))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.productId").value(MANUAL))
            .andExpect(jsonPath("$.manualAcceptance").value(true))
            .andReturn()
            .getResponse()
            .getContentAsString();

    List<Instant> starts = new ArrayList<>();
    for (JsonNode slot : json.readTree(body).get("slots")) {
      Instant start = Instant.parse(slot.get("start").asText());
      assertThat(DeliverySlots.startsOnTheHour(start)).isTrue();
      assertThat(Instant.parse(slot.get("end").asText())).isEqualTo(start.plusSeconds(3600));
      assertThat(slot.get("freeCouriers").asInt()).isBetween(1, couriers());
      if (start.equals(oneLeft)) {
        assertThat(slot.get("freeCouriers").asInt()).isEqualTo(1);
      }
      starts.add(start);
    }
    assertThat(starts).isSorted().doesNotContain(full).contains(oneLeft);
    assertThat(starts.get(0)).isAfter(Instant.now());
    assertThat(starts.get(starts.size() - 1)).isBefore(Instant.now().plus(Duration.ofDays(2)));
  }

  @Test
  void aListingOfAnUnknownProductOrForTooManyDaysIsAProblem() throws Exception {
    String token = bearer(buyer("lotus-delivery", 7));
    http.perform(
            get("/internal/slots")
                .param("productId", "424242")
                .header(HttpHeaders.AUTHORIZATION, token))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    for (String days : List.of("0", "15", "x")) {
      http.perform(
              get("/internal/slots")
                  .param("productId", "1")
                  .param("days", days)
                  .header(HttpHeaders.AUTHORIZATION, token))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
  }

  /**
   * An hour about {@code ahead} from now, freed of what earlier runs of these tests booked in it.
   */
  private Instant emptySlot(Duration ahead) {
    Instant slot = DeliverySlots.firstBookable(Instant.now().plus(ahead));
    jdbc.update("delete from courier_booking where slot_start = ?", Timestamp.from(slot));
    return slot;
  }

  private Instant earliestPointer() {
    return jdbc.queryForObject(
            """
            select min(greatest(coalesce(next_free_slot, 'epoch'),
                                date_trunc('hour', now()) + interval '1 hour'))
              from courier
            """,
            Timestamp.class)
        .toInstant();
  }

  private int couriers() {
    return jdbc.queryForObject("select count(*) from courier", Integer.class);
  }

  private int bookingsIn(Instant slot) {
    return jdbc.queryForObject(
        "select count(*) from courier_booking where slot_start = ?",
        Integer.class,
        Timestamp.from(slot));
  }

  private List<CourierBooking> concurrently(List<BookCourier> orders) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<CourierBooking>> futures =
          pool.invokeAll(
              orders.stream()
                  .<Callable<CourierBooking>>map(order -> () -> activities.bookCourier(order))
                  .toList());
      List<CourierBooking> outcomes = new ArrayList<>();
      for (Future<CourierBooking> future : futures) {
        try {
          outcomes.add(future.get());
        } catch (ExecutionException e) {
          throw new AssertionError("a booking failed", e.getCause());
        }
      }
      return outcomes;
    } finally {
      pool.shutdown();
    }
  }

  private static BookCourier order(int productId, Instant slot) {
    return new BookCourier(UUID.randomUUID().toString(), productId, slot);
  }
}
