package dev.lotussaga.stock.product;

import static dev.lotussaga.web.auth.InternalTokens.asStaff;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StockControllerTest {

  static final String AUDIENCE = "lotus-stock";

  @Autowired MockMvc http;
  @Autowired JdbcTemplate jdbc;

  @Test
  void seededProductOneIsPlentiful() throws Exception {
    http.perform(get("/internal/products/1").with(asStaff(AUDIENCE)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.productId").value(1))
        .andExpect(jsonPath("$.available").value(org.hamcrest.Matchers.greaterThan(1000)));
  }

  @Test
  void addingToAnUnknownProductIsNotFound() throws Exception {
    http.perform(
            post("/internal/products/999999/additions").param("units", "1").with(asStaff(AUDIENCE)))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void refusesArrivalsPastTheShelfLimitInsteadOfOverflowing() throws Exception {
    int product = 9001;
    jdbc.update(
        "insert into product_stock (product_id, initial_units, available) values (?, 0, ?)"
            + " on conflict (product_id) do update set available = excluded.available",
        product,
        ProductStock.MAX_AVAILABLE - 5);

    http.perform(
            post("/internal/products/" + product + "/additions")
                .param("units", "6")
                .with(asStaff(AUDIENCE)))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("1000000000")));
    http.perform(
            post("/internal/products/" + product + "/additions")
                .param("units", "5")
                .with(asStaff(AUDIENCE)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.available").value(ProductStock.MAX_AVAILABLE));
  }

  @Test
  void rejectsCountsBelowOneAsProblems() throws Exception {
    for (String units : new String[] {"0", "-1", "x", "99999999999"}) {
      http.perform(
              post("/internal/products/1/additions").param("units", units).with(asStaff(AUDIENCE)))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
  }
}
