/** A street-like test picture drawn on a canvas, so the harness and the benchmark need no network. */
export function syntheticImage(width: number, height: number): string {
  const c = document.createElement('canvas');
  c.width = width;
  c.height = height;
  const g = c.getContext('2d')!;
  const sky = g.createLinearGradient(0, 0, 0, height);
  sky.addColorStop(0, '#8fb8de');
  sky.addColorStop(0.55, '#d9e6f2');
  sky.addColorStop(0.56, '#6b6b6b');
  sky.addColorStop(1, '#3d3d3d');
  g.fillStyle = sky;
  g.fillRect(0, 0, width, height);
  let seed = 7;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  for (let i = 0; i < 60; i++) {
    g.fillStyle = `hsl(${Math.floor(rand() * 360)},35%,${30 + rand() * 40}%)`;
    const w = 40 + rand() * 160;
    const h = 20 + rand() * 80;
    g.fillRect(rand() * (width - w), height * 0.5 + rand() * (height * 0.45 - h), w, h);
  }
  g.strokeStyle = '#f5f5f5';
  g.lineWidth = 6;
  g.setLineDash([40, 30]);
  g.beginPath();
  g.moveTo(0, height * 0.8);
  g.lineTo(width, height * 0.75);
  g.stroke();
  return c.toDataURL('image/png');
}

/** A task like the e2e one: boxes and polygons with labels and attributes. */
export function sampleTask(attachment: string, boxes = 0, width = 1920, height = 1080) {
  let seed = 11;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const labels = ['car', 'truck', 'pedestrian', 'cyclist'];
  const annotations = Array.from({ length: boxes }, (_, i) => {
    const w = 8 + rand() * 60;
    const h = 8 + rand() * 60;
    return { uuid: `bench-${i}`, type: 'box', label: labels[i % labels.length], left: rand() * (width - w), top: rand() * (height - h), width: w, height: h };
  });
  return {
    type: 'imageannotation',
    instruction: 'Box every vehicle and person; outline the road with a polygon.',
    params: {
      attachment,
      geometries: {
        box: { objects_to_annotate: ['car', 'truck', { choice: 'person', subchoices: ['pedestrian', 'cyclist'] }], min_width: 4, min_height: 4, can_rotate: true },
        polygon: { objects_to_annotate: ['road', 'sidewalk'], min_vertices: 3 },
        line: { objects_to_annotate: ['lane'] },
        point: { objects_to_annotate: ['traffic light'] },
        ellipse: { objects_to_annotate: ['wheel'] },
        cuboid: { objects_to_annotate: ['car'] },
      },
      annotation_attributes: {
        occluded: { type: 'category', choices: ['no', 'partly', 'mostly'], description: 'Occluded?' },
        occlusion_pct: { type: 'number', min: 0, max: 100, description: 'How much (%)', conditions: { attribute_conditions: [{ occluded: ['partly', 'mostly'] }] } },
        heading: { type: 'angle', description: 'Heading', conditions: { label_condition: { label: ['car', 'truck'] } } },
        plate: { type: 'text', description: 'Licence plate', conditions: { label_condition: { label: 'car' } } },
      },
      layers: { boxes: [{ left: 10, top: 10, width: 200, height: 120 }] },
      ...(boxes > 0 ? { hypothesis: { annotations } } : {}),
    },
  };
}
