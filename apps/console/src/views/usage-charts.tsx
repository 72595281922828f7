import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** recharts lives in its own chunk: only the usage dashboard loads it. */
export default function UsageChart({ days }: { days: { day: string; requests: number; errors: number; rateLimited: number }[] }) {
  const data = days.map((d) => ({ day: d.day.slice(5), OK: d.requests - d.errors, Errors: d.errors - d.rateLimited, '429s': d.rateLimited }));
  return (
    <ResponsiveContainer width="100%" height={280}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Legend />
        <Bar dataKey="OK" stackId="r" fill="#3b6fd8" isAnimationActive={false} />
        <Bar dataKey="Errors" stackId="r" fill="#d97706" isAnimationActive={false} />
        <Bar dataKey="429s" stackId="r" fill="#c0392b" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
