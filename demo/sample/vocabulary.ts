/**
 * Spanish words for the sample workbook: common given names and surnames (the most frequent in
 * Spain per the INE name statistics), e-mail domains, and survey comments that recur on the themes
 * shoppers actually complain about (envío, retraso, atención, precio, calidad) or praise.
 */

/** Women's given names. */
export const WOMEN_NAMES = [
  'María', 'Carmen', 'Ana', 'Isabel', 'Laura', 'Lucía', 'Cristina', 'Marta', 'Elena', 'Paula',
  'Sara', 'Raquel', 'Pilar', 'Rosa', 'Beatriz', 'Silvia', 'Patricia', 'Andrea', 'Nuria', 'Irene',
  'Alba', 'Claudia', 'Julia', 'Sofía', 'Rocío', 'Mercedes', 'Montserrat', 'Inmaculada', 'Eva', 'Noelia',
  'Lorena', 'Alicia', 'Natalia', 'Sonia', 'Teresa', 'Marina', 'Ainhoa', 'Nerea', 'Begoña', 'Consuelo',
] as const;

/** Men's given names. */
export const MEN_NAMES = [
  'Antonio', 'Manuel', 'José', 'Francisco', 'David', 'Juan', 'Javier', 'Daniel', 'Carlos', 'Jesús',
  'Alejandro', 'Miguel', 'Rafael', 'Pablo', 'Sergio', 'Fernando', 'Jorge', 'Luis', 'Alberto', 'Álvaro',
  'Adrián', 'Diego', 'Raúl', 'Enrique', 'Ramón', 'Vicente', 'Iván', 'Rubén', 'Óscar', 'Andrés',
  'Joaquín', 'Santiago', 'Eduardo', 'Víctor', 'Roberto', 'Jaime', 'Mario', 'Ignacio', 'Hugo', 'Iker',
] as const;

/** Surnames (a Spanish full name carries two). */
export const SURNAMES = [
  'García', 'Rodríguez', 'González', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín',
  'Jiménez', 'Hernández', 'Ruiz', 'Díaz', 'Moreno', 'Muñoz', 'Álvarez', 'Romero', 'Gutiérrez', 'Alonso',
  'Navarro', 'Torres', 'Domínguez', 'Ramos', 'Vázquez', 'Ramírez', 'Gil', 'Serrano', 'Morales', 'Molina',
  'Blanco', 'Suárez', 'Castro', 'Ortega', 'Delgado', 'Ortiz', 'Marín', 'Rubio', 'Núñez', 'Medina',
  'Sanz', 'Castillo', 'Iglesias', 'Cortés', 'Garrido', 'Santos', 'Guerrero', 'Lozano', 'Cano', 'Prieto',
  'Méndez', 'Cruz', 'Calvo', 'Gallego', 'Vidal', 'León', 'Márquez', 'Herrera', 'Peña', 'Flores',
  'Cabrera', 'Campos', 'Vega', 'Fuentes', 'Carrasco', 'Diez', 'Caballero', 'Reyes', 'Nieto', 'Aguilar',
] as const;

/** E-mail domains with their rough share among Spanish shoppers. */
export const EMAIL_DOMAINS: readonly (readonly [string, number])[] = [
  ['gmail.com', 55],
  ['hotmail.com', 15],
  ['hotmail.es', 8],
  ['yahoo.es', 6],
  ['outlook.es', 8],
  ['icloud.com', 5],
  ['telefonica.net', 3],
];

/** Complaint themes; each customer unhappy with the shop has a main one. */
export const COMPLAINT_THEMES = ['envío', 'retraso', 'atención', 'precio', 'calidad'] as const;

/** One of {@link COMPLAINT_THEMES}. */
export type ComplaintTheme = (typeof COMPLAINT_THEMES)[number];

/** Detractor comments by theme (NPS 0–6). */
export const COMPLAINTS: Readonly<Record<ComplaintTheme, readonly string[]>> = {
  envío: [
    'El envío llegó con la caja rota.',
    'Los gastos de envío son demasiado caros.',
    'El envío fue un desastre, el paquete llegó abierto.',
    'Pagué envío urgente y no sirvió de nada.',
    'El envío se perdió y tuve que reclamar dos veces.',
  ],
  retraso: [
    'Mi pedido llegó con mucho retraso.',
    'Retraso de diez días sin ningún aviso.',
    'Otra vez retraso en la entrega, ya es la tercera vez.',
    'El pedido llegó con retraso y sin disculpas.',
    'Retraso tras retraso, así no se puede.',
  ],
  atención: [
    'La atención al cliente no responde a los correos.',
    'Pésima atención, nadie me dio una solución.',
    'La atención telefónica es lamentable, esperé cuarenta minutos.',
    'Abrí una incidencia y la atención al cliente la cerró sin resolverla.',
  ],
  precio: [
    'El precio ha subido demasiado en los últimos meses.',
    'Precios más altos que en otras tiendas online.',
    'Demasiado caro para lo que ofrecen, el precio no compensa.',
    'Subida de precio sin avisar en la caja del mes.',
  ],
  calidad: [
    'El producto llegó defectuoso.',
    'La calidad ha empeorado mucho.',
    'La calidad no corresponde con las fotos de la web.',
  ],
};

/** Passive comments (NPS 7–8). */
export const NEUTRAL_COMMENTS = [
  'Bien en general, aunque el envío podría ser más rápido.',
  'Correcto, sin más.',
  'Buen producto, pero el precio es algo alto.',
  'Todo bien, aunque la web es un poco lenta.',
  'Cumple, pero hay tiendas con más variedad.',
  'La atención fue correcta, el pedido tardó un poco.',
  'Está bien, nada especial.',
] as const;

/** Promoter comments (NPS 9–10). */
export const PRAISE = [
  '¡Me encanta! El envío fue rapidísimo.',
  'Excelente atención, muy amables y resolutivos.',
  'Calidad estupenda, repetiré seguro.',
  'Todo perfecto, ya se lo he recomendado a mis amigos.',
  'La caja del mes es una sorpresa genial cada mes.',
  'Entrega puntual y buen precio, muy contenta.',
  'Muy buena experiencia, la atención al cliente es de diez.',
  'Productos de calidad y envío gratis, ¿qué más se puede pedir?',
] as const;

/** Ways a text export spells a missing score. */
export const MISSING_SCORE = 'N/A';
