package dev.lotussaga.stock.reservation;

import org.springframework.data.jpa.repository.JpaRepository;

interface StockReservationRepository extends JpaRepository<StockReservation, String> {}
