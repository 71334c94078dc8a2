package dev.lotussaga.gateway.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;

@Entity
public class Product {

  @Id private Integer id;

  private String name;

  private BigDecimal price;

  protected Product() {}

  public int id() {
    return id;
  }

  public String name() {
    return name;
  }

  public BigDecimal price() {
    return price;
  }
}
